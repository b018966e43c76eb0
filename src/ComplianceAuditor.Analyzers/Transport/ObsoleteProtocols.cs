namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>
/// The enum members that turn on a protocol version RFC 8996 deprecates (TLS 1.0, TLS 1.1) or that was broken
/// before it (SSL 2.0, SSL 3.0), by enum name: .NET's <c>SslProtocols</c> (nanoFramework's enum of the same name has
/// the same member names) and <c>SecurityProtocolType</c>, and M2Mqtt's <c>MqttSslProtocols</c>. Also the member
/// the code fix puts in their place.
/// </summary>
internal static class ObsoleteProtocols
{
    private static readonly ImmutableDictionary<string, ImmutableDictionary<string, string>> Versions =
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new[]
        {
            Entry("SslProtocols", ("Ssl2", "SSL 2.0"), ("Ssl3", "SSL 3.0"), ("Tls", "TLS 1.0"), ("Tls11", "TLS 1.1"), ("Default", "SSL 3.0 and TLS 1.0")),
            Entry("SecurityProtocolType", ("Ssl3", "SSL 3.0"), ("Tls", "TLS 1.0"), ("Tls11", "TLS 1.1")),
            Entry("MqttSslProtocols", ("SSLv3", "SSL 3.0"), ("TLSv1_0", "TLS 1.0"), ("TLSv1_1", "TLS 1.1")),
        });

    /// <summary>Every obsolete member name of any of the enums: the cheap first test on a member access.</summary>
    public static ImmutableHashSet<string> MemberNames { get; } =
        Versions.Values.SelectMany(members => members.Keys).ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>The version a member of an enum turns on ("TLS 1.0"), or false when it is not an obsolete one.</summary>
    public static bool TryGetVersion(string enumName, string memberName, out string version)
    {
        version = "";
        return Versions.TryGetValue(enumName, out var members) && members.TryGetValue(memberName, out version!);
    }

    /// <summary>The member that asks for TLS 1.2 in the same enum.</summary>
    public static string Replacement(string enumName) => enumName == "MqttSslProtocols" ? "TLSv1_2" : "Tls12";

    private static KeyValuePair<string, ImmutableDictionary<string, string>> Entry(string enumName, params (string Member, string Version)[] members) =>
        new(enumName, members.ToImmutableDictionary(m => m.Member, m => m.Version, StringComparer.Ordinal));
}
