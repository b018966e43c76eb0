// API shapes of .NET nanoFramework (nanoFramework.System.Device.Wifi, nanoFramework.Networking,
// nanoFramework.System.Net), as far as the analyzers look at them. Only signatures; no behaviour.
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind { Automatic, Manual }

    public enum WifiConnectionStatus { Success, AccessRevoked, InvalidCredential, NetworkNotAvailable, Timeout, UnspecifiedFailure }

    public class WifiConnectionResult
    {
        public WifiConnectionStatus ConnectionStatus => WifiConnectionStatus.Success;
    }

    public class WifiAdapter
    {
        public static WifiAdapter[] FindAllAdapters() => new WifiAdapter[0];

        public WifiConnectionResult Connect(string ssid, WifiReconnectionKind reconnectionKind, string passwordCredential) => new WifiConnectionResult();
    }
}

namespace nanoFramework.Networking
{
    using System.Device.Wifi;
    using System.Threading;

    public static class WifiNetworkHelper
    {
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => true;

        public static bool ScanAndConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => true;

        public static bool ConnectFixAddress(string ssid, string password, object ipConfiguration, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => true;
    }
}

namespace System.Net.NetworkInformation
{
    public class Wireless80211Configuration
    {
        public string Ssid { get; set; } = "";

        public string Password { get; set; } = "";

        public static Wireless80211Configuration[] GetAllWireless80211Configurations() => new Wireless80211Configuration[0];

        public void SaveConfiguration() { }
    }
}

namespace System.Net.Security
{
    // nanoFramework's own enumeration; desktop .NET has no such type.
    public enum SslVerification { NoVerification = 1, VerifyPeer = 2, CertificateRequired = 4, VerifyClientOnce = 8 }
}

namespace nanoFramework.Stubs
{
    using System.Net.Security;

    // nanoFramework's HttpWebRequest, HttpClient and SslStream carry an SslVerification setting; the desktop types of
    // the same names do not, so the tests use this stand-in for "an object with that setting".
    public class NanoHttpWebRequest
    {
        public SslVerification SslVerification { get; set; }

        public static NanoHttpWebRequest Create(string url) => new NanoHttpWebRequest();

        public System.IO.Stream GetResponseStream() => System.IO.Stream.Null;
    }
}
