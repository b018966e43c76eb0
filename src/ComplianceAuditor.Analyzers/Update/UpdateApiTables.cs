using ComplianceAuditor.Analyzers.Infrastructure;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// The default sources, sinks and verifiers of CMP4008. The .editorconfig options add to these lists, they never
/// replace them. Names without a namespace match the type in any namespace, which is how the MQTT clients are listed:
/// their namespaces differ between versions and forks.
/// </summary>
internal static class UpdateApiTables
{
    /// <summary>Calls whose result is data read from the network.</summary>
    public static ImmutableArray<ApiName> ValueSources { get; } = Parse(
        "System.Net.Http.HttpClient.GetByteArrayAsync",
        "System.Net.Http.HttpClient.GetStreamAsync",
        "System.Net.Http.HttpClient.GetStringAsync",
        // nanoFramework's System.Net.Http has blocking twins of the desktop methods, with the same type names.
        "System.Net.Http.HttpClient.GetByteArray",
        "System.Net.Http.HttpClient.GetStream",
        "System.Net.Http.HttpClient.GetString",
        "System.Net.Http.HttpContent.ReadAsByteArrayAsync",
        "System.Net.Http.HttpContent.ReadAsStreamAsync",
        "System.Net.Http.HttpContent.ReadAsStringAsync",
        "System.Net.Http.HttpContent.ReadAsByteArray",
        "System.Net.Http.HttpContent.ReadAsStream",
        "System.Net.Http.HttpContent.ReadAsString",
        "System.Net.WebClient.DownloadData",
        "System.Net.WebClient.DownloadDataTaskAsync",
        "System.Net.WebClient.DownloadString",
        "System.Net.WebClient.DownloadStringTaskAsync",
        "System.Net.WebClient.OpenRead",
        "System.Net.WebClient.OpenReadTaskAsync",
        // HttpWebResponse overrides it, and nanoFramework's HttpWebResponse has the same shape.
        "System.Net.WebResponse.GetResponseStream",
        "System.Net.Sockets.TcpClient.GetStream",
        "System.Net.Sockets.UdpClient.Receive",
        "System.Net.Sockets.UdpClient.ReceiveAsync");

    /// <summary>Calls that read network data into the buffer given as their first argument.</summary>
    public static ImmutableArray<ApiName> BufferSources { get; } = Parse(
        "System.Net.Sockets.NetworkStream.Read",
        "System.Net.Sockets.NetworkStream.ReadAsync",
        "System.Net.Security.SslStream.Read",
        "System.Net.Security.SslStream.ReadAsync",
        "System.Net.Sockets.Socket.Receive",
        "System.Net.Sockets.Socket.ReceiveAsync",
        "System.Net.Sockets.Socket.ReceiveFrom",
        "System.Net.WebSockets.WebSocket.ReceiveAsync");

    /// <summary>Properties whose value is a message received over MQTT (MQTTnet and M2Mqtt, nanoFramework's included).</summary>
    public static ImmutableArray<ApiName> PropertySources { get; } = Parse(
        "MqttApplicationMessage.Payload",
        "MqttApplicationMessage.PayloadSegment",
        "MqttMsgPublishEventArgs.Message");

    /// <summary>
    /// Member names specific enough to mark a network read on their own, used when a call did not bind and its
    /// receiver's type is unknown (<c>request.GetResponse().GetResponseStream()</c> with the platform unresolved).
    /// </summary>
    public static ImmutableHashSet<string> DistinctiveSourceMembers { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "GetByteArrayAsync", "GetStreamAsync", "GetByteArray", "ReadAsByteArrayAsync", "ReadAsStreamAsync", "ReadAsByteArray",
        "ReadAsStream", "DownloadData", "DownloadDataTaskAsync", "OpenReadTaskAsync", "GetResponseStream");

    /// <summary>
    /// Source member names too common to make a method worth a control-flow graph on their own (every parser has a
    /// Read): they count only in files that also mention one of these words. Only the prefilter uses this.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> CommonSourceMembers { get; } = new Dictionary<string, ImmutableArray<string>>
    {
        ["Read"] = ImmutableArray.Create("NetworkStream", "SslStream"),
        ["ReadAsync"] = ImmutableArray.Create("NetworkStream", "SslStream"),
        ["Receive"] = ImmutableArray.Create("Socket", "UdpClient"),
        ["ReceiveAsync"] = ImmutableArray.Create("Socket", "UdpClient", "WebSocket", "ClientWebSocket"),
        ["ReceiveFrom"] = ImmutableArray.Create("Socket"),
        ["Message"] = ImmutableArray.Create("MqttMsgPublishEventArgs", "MqttMsgPublishReceived"),
        ["GetString"] = ImmutableArray.Create("HttpClient"),
        ["GetStream"] = ImmutableArray.Create("HttpClient", "TcpClient"),
        ["OpenRead"] = ImmutableArray.Create("WebClient"),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Signature verifiers. A bool result must gate the sink; a void one throws on failure. Besides these, any method
    /// whose name contains one of <see cref="VerifierNameParts"/> counts (see there).
    /// </summary>
    public static ImmutableArray<ApiName> Verifiers { get; } = Parse(
        "System.Security.Cryptography.RSA.VerifyData",
        "System.Security.Cryptography.RSA.VerifyHash",
        "System.Security.Cryptography.ECDsa.VerifyData",
        "System.Security.Cryptography.ECDsa.VerifyHash",
        "System.Security.Cryptography.DSA.VerifyData",
        "System.Security.Cryptography.DSA.VerifyHash",
        "System.Security.Cryptography.AsymmetricSignatureDeformatter.VerifySignature",
        "System.Security.Cryptography.Pkcs.SignedCms.CheckSignature",
        "System.Security.Cryptography.Pkcs.SignerInfo.CheckSignature",
        "System.Security.Cryptography.Cose.CoseSign1Message.VerifyEmbedded",
        "System.Security.Cryptography.Cose.CoseSign1Message.VerifyDetached",
        "System.Security.Cryptography.Cose.CoseSignature.VerifyEmbedded",
        "System.Security.Cryptography.Cose.CoseSignature.VerifyDetached",
        "Org.BouncyCastle.Crypto.ISigner.VerifySignature",
        "Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify",
        "NSec.Cryptography.SignatureAlgorithm.Verify");

    /// <summary>
    /// Name parts that make a method a verifier wherever it is declared: projects wrap the crypto calls in their own
    /// helpers (<c>OtaCrypto.VerifySignature(image, sig)</c>), and the helper's body is analysed on its own, so the
    /// name is the only thing the caller's analysis can go by. A bool helper must still gate the sink.
    /// </summary>
    public static ImmutableArray<string> VerifierNameParts { get; } = ImmutableArray.Create("VerifySignature", "ValidateSignature", "CheckSignature");

    /// <summary>Calls that install or load what they are given.</summary>
    public static ImmutableArray<UpdateSinkRule> Sinks { get; } = ImmutableArray.Create(
        // The nanoFramework OTA pattern (download a .pe and load it) and plain .NET plug-in loading; Load(string) and
        // Load(AssemblyName) load by name from the device and are not sinks.
        UpdateSinkRule.RawAssembly("System.Reflection.Assembly.Load"),
        UpdateSinkRule.RawAssembly("System.AppDomain.Load"),
        UpdateSinkRule.AnyArgument("System.Runtime.Loader.AssemblyLoadContext.LoadFromStream"),
        UpdateSinkRule.FileWrite("System.IO.File.WriteAllBytes"),
        UpdateSinkRule.FileWrite("System.IO.File.WriteAllBytesAsync"),
        // Intel HEX images are text.
        UpdateSinkRule.FileWrite("System.IO.File.WriteAllText"),
        UpdateSinkRule.FileWrite("System.IO.File.WriteAllTextAsync"));

    /// <summary>Stream members that write their first argument: sinks when the stream is open on an update location.</summary>
    public static ImmutableHashSet<string> StreamWrites { get; } = ImmutableHashSet.Create(StringComparer.Ordinal, "Write", "WriteAsync", "WriteByte");

    /// <summary>Types whose calls read or open local storage: their arguments name a file, they do not carry its content.</summary>
    public static ImmutableHashSet<string> LocalStorageTypes { get; } =
        ImmutableHashSet.Create(StringComparer.Ordinal, "File", "FileInfo", "FileStream", "Directory", "DirectoryInfo");

    /// <summary>Stream members that copy the receiver into their first argument.</summary>
    public static ImmutableHashSet<string> StreamCopies { get; } = ImmutableHashSet.Create(StringComparer.Ordinal, "CopyTo", "CopyToAsync");

    internal static ImmutableArray<ApiName> Parse(params string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<ApiName>(names.Length);
        foreach (var text in names)
        {
            if (!ApiName.TryParse(text, out var name))
            {
                throw new InvalidOperationException("not an API name: " + text);
            }

            builder.Add(name);
        }

        return builder.MoveToImmutable();
    }
}
