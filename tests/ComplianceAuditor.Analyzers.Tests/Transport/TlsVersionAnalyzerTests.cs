using ComplianceAuditor.Analyzers.CodeFixes.Transport;
using ComplianceAuditor.Analyzers.Tests.Verification;
using ComplianceAuditor.Analyzers.Transport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Transport;

// The obsolete members carry [Obsolete] (SYSLIB0039, CS0618) in net10: compiler warnings, which the harness ignores.
public sealed class TlsVersionAnalyzerTests
{
    private const string Usings = """
        using System.Net;
        using System.Net.Security;
        using System.Security.Authentication;

        """;

    private static DiagnosticResult Expected(int location, string use, string version) =>
        new DiagnosticResult(DiagnosticIds.ObsoleteTlsVersion, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(use, version);

    [Fact]
    public Task Obsolete_versions_are_reported_with_where_they_go() =>
        Verify<TlsVersionAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                static readonly SslProtocols Protocols = {|#0:SslProtocols.Ssl3|} | SslProtocols.Tls12;

                SslProtocols Legacy { get; } = {|#1:SslProtocols.Default|};

                void Connect(SslStream stream, string host)
                {
                    ServicePointManager.SecurityProtocol = {|#2:SecurityProtocolType.Tls|} | {|#3:SecurityProtocolType.Tls11|} | SecurityProtocolType.Tls12;
                    ServicePointManager.SecurityProtocol |= {|#4:System.Net.SecurityProtocolType.Ssl3|};
                    stream.AuthenticateAsClient(host, null, {|#5:SslProtocols.Tls|}, false);
                    var options = new SslClientAuthenticationOptions { TargetHost = host, EnabledSslProtocols = {|#6:SslProtocols.Tls11|} };
                    var fallback = options.EnabledSslProtocols == SslProtocols.None ? {|#7:SslProtocols.Ssl2|} : SslProtocols.Tls13;
                }

                SslProtocols Pick(bool old) => old ? ({|#8:SslProtocols.Tls11|}) : SslProtocols.Tls12;
            }
            """, [], null,
            Expected(0, "field 'Protocols'", "SSL 3.0"),
            Expected(1, "property 'Legacy'", "SSL 3.0 and TLS 1.0"),
            Expected(2, "ServicePointManager.SecurityProtocol", "TLS 1.0"),
            Expected(3, "ServicePointManager.SecurityProtocol", "TLS 1.1"),
            Expected(4, "ServicePointManager.SecurityProtocol", "SSL 3.0"),
            Expected(5, "SslStream.AuthenticateAsClient", "TLS 1.0"),
            Expected(6, "property 'EnabledSslProtocols'", "TLS 1.1"),
            Expected(7, "variable 'fallback'", "SSL 2.0"),
            Expected(8, "the value returned by 'Pick'", "TLS 1.1"));

    [Fact]
    public Task Comparisons_masks_patterns_and_modern_versions_are_not_reported() =>
        Verify<TlsVersionAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                bool Check(SslProtocols protocols, SslStream stream)
                {
                    protocols &= ~SslProtocols.Tls11;
                    protocols = protocols & ~(SslProtocols.Tls | SslProtocols.Tls11);
                    if (protocols == SslProtocols.Tls || (protocols & SslProtocols.Tls11) != 0 || protocols.HasFlag(SslProtocols.Ssl3))
                    {
                        return false;
                    }

                    switch (stream.SslProtocol)
                    {
                        case SslProtocols.Tls:
                        case SslProtocols.Tls11:
                            return false;
                    }

                    var name = nameof(SslProtocols.Tls) + SslProtocols.Tls11.ToString();
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                    var options = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
                    return stream.SslProtocol is SslProtocols.Tls or SslProtocols.Ssl3 ? false : protocols != SslProtocols.None;
                }
            }
            """);

    [Fact]
    public Task Mqtt_clients_are_covered() =>
        Verify<TlsVersionAnalyzer>.DiagnosticsAsync("""
            using nanoFramework.M2Mqtt;
            using nanoFramework.M2Mqtt.Messages;
            using MQTTnet.Client;

            class Telemetry
            {
                MqttClient Connect(string broker) => new MqttClient(broker, 8883, true, null, null, {|#0:MqttSslProtocols.TLSv1_0|});

                MqttClient Modern(string broker) => new MqttClient(broker, 8883, true, null, null, MqttSslProtocols.TLSv1_2);

                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTlsOptions(tls => tls.WithSslProtocols({|#1:System.Security.Authentication.SslProtocols.Tls11|}))
                    .Build();
            }
            """, [Stubs.Mqtt], null,
            Expected(0, "new MqttClient(...)", "TLS 1.0"),
            Expected(1, "MqttClientTlsOptionsBuilder.WithSslProtocols", "TLS 1.1"));

    [Fact]
    public Task Main_cases_are_found_with_the_platform_types_unresolved() =>
        Verify<TlsVersionAnalyzer>.UnresolvedDiagnosticsAsync("""
            using System.Net.Http;
            using System.Net.Security;
            using nanoFramework.M2Mqtt;
            using nanoFramework.M2Mqtt.Messages;

            class Device
            {
                void Connect(string host, X509Certificate ca)
                {
                    var client = new HttpClient { SslProtocols = {|CMP4003:SslProtocols.Tls11|} };
                    client.SslProtocols = {|CMP4003:SslProtocols.Tls|} | SslProtocols.Tls12;
                    var mqtt = new MqttClient(host, 8883, true, ca, null, {|CMP4003:MqttSslProtocols.TLSv1_1|});
                    if (client.SslProtocols == SslProtocols.Tls) { }
                }
            }
            """);

    [Fact]
    public Task Fix_drops_obsolete_operands_of_a_combination() =>
        Verify<TlsVersionAnalyzer, TlsVersionCodeFix>.FixAsync(Usings + """
            class Device
            {
                void Connect()
                {
                    ServicePointManager.SecurityProtocol = {|CMP4003:SecurityProtocolType.Tls|} | {|CMP4003:SecurityProtocolType.Tls11|} | SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                    var options = new SslClientAuthenticationOptions { EnabledSslProtocols = ({|CMP4003:SslProtocols.Ssl3|} | {|CMP4003:SslProtocols.Tls|}) };
                    var single = {|CMP4003:SslProtocols.Tls11|};
                }
            }
            """, Usings + """
            class Device
            {
                void Connect()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                    var options = new SslClientAuthenticationOptions { EnabledSslProtocols = (SslProtocols.Tls12) };
                    var single = SslProtocols.Tls12;
                }
            }
            """);

    [Fact]
    public Task Fix_uses_the_m2mqtt_name_of_tls_1_2() =>
        Verify<TlsVersionAnalyzer, TlsVersionCodeFix>.FixAsync("""
            using nanoFramework.M2Mqtt;
            using nanoFramework.M2Mqtt.Messages;

            class Telemetry
            {
                MqttClient Connect(string broker) => new MqttClient(broker, 8883, true, null, null, {|CMP4003:MqttSslProtocols.SSLv3|});
            }
            """, """
            using nanoFramework.M2Mqtt;
            using nanoFramework.M2Mqtt.Messages;

            class Telemetry
            {
                MqttClient Connect(string broker) => new MqttClient(broker, 8883, true, null, null, MqttSslProtocols.TLSv1_2);
            }
            """, Stubs.Mqtt);

    [Fact]
    public Task The_rule_file_samples_compiled_alone_match_and_do_not_match() =>
        RuleSamples.VerifyAsync<TlsVersionAnalyzer>(Descriptors.ObsoleteTlsVersion);
}
