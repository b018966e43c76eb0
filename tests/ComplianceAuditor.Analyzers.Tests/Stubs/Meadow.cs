// API shapes of Wilderness Labs Meadow (Meadow.Contracts, Meadow.Update), as far as the analyzers look at them.
namespace Meadow.Hardware
{
    using System;
    using System.Threading;
    using System.Threading.Tasks;

    public interface IWiFiNetworkAdapter
    {
        Task Connect(string ssid, string passphrase, TimeSpan timeout, CancellationToken token = default);

        Task ConnectToDefaultAccessPoint(TimeSpan timeout, CancellationToken token = default);
    }
}

namespace Meadow.Update
{
    using System;

    public class UpdateInfo
    {
        public string ID { get; set; } = "";

        public string Version { get; set; } = "";
    }

    public interface IUpdateService
    {
        event EventHandler<UpdateInfo> OnUpdateAvailable;

        event EventHandler<UpdateInfo> OnUpdateRetrieved;

        void RetrieveUpdate(UpdateInfo updateInfo);

        void ApplyUpdate(UpdateInfo updateInfo);
    }
}

namespace Meadow
{
    public static class Resolver
    {
        public static Meadow.Update.IUpdateService UpdateService { get; set; } = null!;
    }
}
