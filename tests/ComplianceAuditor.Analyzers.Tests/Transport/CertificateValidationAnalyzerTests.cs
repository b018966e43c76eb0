using ComplianceAuditor.Analyzers.CodeFixes.Transport;
using ComplianceAuditor.Analyzers.Tests.Verification;
using ComplianceAuditor.Analyzers.Transport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Transport;

public sealed class CertificateValidationAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        """;

    private static DiagnosticResult Expected(int location, string api) =>
        new DiagnosticResult(DiagnosticIds.CertificateValidationDisabled, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(api);

    [Fact]
    public Task Always_true_lambdas_on_the_handler_and_the_service_point_manager_are_reported_with_the_property() =>
        Verify<CertificateValidationAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                HttpClient Create()
                {
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|#0:(message, certificate, chain, errors) => true|};
            #pragma warning disable SYSLIB0014
                    ServicePointManager.ServerCertificateValidationCallback += {|#1:delegate { return true; }|};
                    ServicePointManager.ServerCertificateValidationCallback = {|#2:(sender, certificate, chain, errors) =>
                    {
                        if (errors != SslPolicyErrors.None)
                        {
                            Console.WriteLine("certificate problem: " + errors);
                            return true;
                        }

                        return (true);
                    }|};
            #pragma warning restore SYSLIB0014
                    return new HttpClient(handler);
                }
            }
            """, [], null,
            Expected(0, "HttpClientHandler.ServerCertificateCustomValidationCallback"),
            Expected(1, "ServicePointManager.ServerCertificateValidationCallback"),
            Expected(2, "ServicePointManager.ServerCertificateValidationCallback"));

    [Fact]
    public Task Method_groups_constants_and_the_dangerous_validator_are_reported() =>
        Verify<CertificateValidationAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                const bool TrustEverything = true;

                static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => true;

                static bool AcceptNamed(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
                {
                    return TrustEverything;
                }

                void Configure(HttpClientHandler handler, Stream inner)
                {
                    handler.ServerCertificateCustomValidationCallback = {|CMP4002:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
                    var stream = new SslStream(inner, false, {|CMP4002:AcceptAll|});
                    var other = new SslStream(inner, false, new RemoteCertificateValidationCallback({|CMP4002:AcceptNamed|}));
                    var third = new SslStream(inner, false, {|CMP4002:(s, c, ch, e) => TrustEverything|});
                }
            }
            """);

    [Fact]
    public Task Ssl_options_in_object_initialisers_are_reported() =>
        Verify<CertificateValidationAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                HttpClient Create() => new HttpClient(new SocketsHttpHandler
                {
                    SslOptions = { RemoteCertificateValidationCallback = {|#0:(s, c, ch, e) => true|} },
                });

                SslClientAuthenticationOptions Options(string host) => new SslClientAuthenticationOptions
                {
                    TargetHost = host,
                    RemoteCertificateValidationCallback = {|#1:delegate (object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) { return true; }|},
                };
            }
            """, [], null,
            Expected(0, "SslClientAuthenticationOptions.RemoteCertificateValidationCallback"),
            Expected(1, "SslClientAuthenticationOptions.RemoteCertificateValidationCallback"));

    [Fact]
    public Task Callbacks_that_look_at_the_errors_or_pin_a_certificate_are_not_reported() =>
        Verify<CertificateValidationAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                const string Pinned = "3B2A1F0C9D8E7F6A5B4C3D2E1F0A9B8C7D6E5F4A";

                static bool Pin(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    return certificate.GetCertHashString() == Pinned;
                }

                void Configure(HttpClientHandler handler, Stream inner)
                {
                    handler.ServerCertificateCustomValidationCallback = (m, c, ch, errors) => errors == SslPolicyErrors.None;
                    handler.ServerCertificateCustomValidationCallback = (m, c, ch, errors) =>
                    {
                        Func<bool> alwaysTrue = () => true;
                        if (errors == SslPolicyErrors.None) return true;
                        return false;
                    };
                    handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => throw new NotSupportedException();
                    var stream = new SslStream(inner, false, Pin);
                    Func<bool> unrelated = () => true;
                    handler.CheckCertificateRevocationList = true;
                }
            }
            """);

    [Fact]
    public Task NanoFramework_no_verification_is_reported_where_it_is_set_but_not_where_it_is_compared() =>
        Verify<CertificateValidationAnalyzer>.DiagnosticsAsync("""
            using System.Net.Security;
            using nanoFramework.Stubs;

            class Updater
            {
                SslVerification mode = {|#0:SslVerification.NoVerification|};

                void Fetch(string url)
                {
                    var request = NanoHttpWebRequest.Create(url);
                    request.SslVerification = {|#1:SslVerification.NoVerification|};
                    var other = new NanoHttpWebRequest { SslVerification = {|#2:System.Net.Security.SslVerification.NoVerification|} };
                    Use({|#3:SslVerification.NoVerification|});
                    if (request.SslVerification == SslVerification.NoVerification || mode is SslVerification.NoVerification)
                    {
                        request.SslVerification = SslVerification.CertificateRequired;
                    }

                    switch (mode)
                    {
                        case SslVerification.NoVerification:
                            break;
                    }
                }

                void Use(SslVerification verification) { }
            }
            """, [Stubs.NanoFramework], null,
            Expected(0, "SslVerification.NoVerification"), Expected(1, "SslVerification.NoVerification"),
            Expected(2, "SslVerification.NoVerification"), Expected(3, "SslVerification.NoVerification"));

    [Fact]
    public Task MqttNet_trust_everything_options_are_reported() =>
        Verify<CertificateValidationAnalyzer>.DiagnosticsAsync("""
            using MQTTnet.Client;

            class Telemetry
            {
                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTcpServer("broker.example.com", 8883)
                    .WithTlsOptions(tls => tls
                        .WithCertificateValidationHandler({|#0:_ => true|})
                        .{|#1:WithAllowUntrustedCertificates()|}
                        .WithAllowUntrustedCertificates({|#2:true|}))
                    .Build();

                MqttClientOptions Safe() => new MqttClientOptionsBuilder()
                    .WithTlsOptions(tls => tls
                        .WithCertificateValidationHandler(args => args is not null && Check(args))
                        .WithAllowUntrustedCertificates(false))
                    .Build();

                static bool Check(object args) => false;
            }
            """, [Stubs.Mqtt], null,
            Expected(0, "MqttClientTlsOptionsBuilder.WithCertificateValidationHandler"),
            Expected(1, "MqttClientTlsOptionsBuilder.WithAllowUntrustedCertificates"),
            Expected(2, "MqttClientTlsOptionsBuilder.WithAllowUntrustedCertificates"));

    [Fact]
    public Task Main_cases_are_found_with_the_platform_types_unresolved() =>
        Verify<CertificateValidationAnalyzer>.UnresolvedDiagnosticsAsync("""
            using System.Net.Security;
            using MQTTnet.Client;
            using MQTTnet.Client.Options;

            class Device
            {
                void Connect(string url)
                {
                    var request = (HttpWebRequest)WebRequest.Create(url);
                    request.SslVerification = {|CMP4002:SslVerification.NoVerification|};
                    var client = new HttpClient { SslVerification = {|CMP4002:SslVerification.NoVerification|} };
                    if (request.SslVerification != SslVerification.NoVerification) { }

                    var options = new MqttClientOptionsBuilder()
                        .WithTls(new MqttClientOptionsBuilderTlsParameters
                        {
                            UseTls = true,
                            AllowUntrustedCertificates = {|CMP4002:true|},
                            CertificateValidationHandler = {|CMP4002:context => true|},
                        })
                        .Build();
                    var builder = new MqttClientTlsOptionsBuilder().WithCertificateValidationHandler({|CMP4002:_ => true|}).{|CMP4002:WithAllowUntrustedCertificates()|};
                }
            }
            """);

    [Fact]
    public Task Fix_removes_a_statement_that_overrides_validation() =>
        Verify<CertificateValidationAnalyzer, CertificateValidationCodeFix>.FixAsync(Usings + """
            class Device
            {
                HttpClient Create()
                {
                    var handler = new HttpClientHandler();
                    // Accept the lab server's self-signed certificate.
                    handler.ServerCertificateCustomValidationCallback = {|CMP4002:(m, c, ch, e) => true|};
            #pragma warning disable SYSLIB0014
                    ServicePointManager.ServerCertificateValidationCallback += {|CMP4002:delegate { return true; }|};
            #pragma warning restore SYSLIB0014
                    return new HttpClient(handler);
                }
            }
            """, Usings + """
            class Device
            {
                HttpClient Create()
                {
                    var handler = new HttpClientHandler();
            #pragma warning disable SYSLIB0014
            #pragma warning restore SYSLIB0014
                    return new HttpClient(handler);
                }
            }
            """);

    [Fact]
    public Task Fix_removes_the_initialiser_entry_and_requires_the_certificate_on_nanoFramework() =>
        Verify<CertificateValidationAnalyzer, CertificateValidationCodeFix>.FixAsync("""
            using System.Net.Http;
            using System.Net.Security;
            using nanoFramework.Stubs;

            class Device
            {
                SocketsHttpHandler Handler() => new SocketsHttpHandler
                {
                    PooledConnectionLifetime = System.TimeSpan.FromMinutes(5),
                    SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = {|CMP4002:(s, c, ch, e) => true|} },
                };

                void Fetch(NanoHttpWebRequest request)
                {
                    request.SslVerification = {|CMP4002:SslVerification.NoVerification|};
                }
            }
            """, """
            using System.Net.Http;
            using System.Net.Security;
            using nanoFramework.Stubs;

            class Device
            {
                SocketsHttpHandler Handler() => new SocketsHttpHandler
                {
                    PooledConnectionLifetime = System.TimeSpan.FromMinutes(5),
                    SslOptions = new SslClientAuthenticationOptions { },
                };

                void Fetch(NanoHttpWebRequest request)
                {
                    request.SslVerification = SslVerification.CertificateRequired;
                }
            }
            """, Stubs.NanoFramework);

    [Fact]
    public Task Fix_leaves_a_callback_that_is_not_assigned_in_a_statement_of_a_block_alone()
    {
        const string Source = Usings + """
            class Device
            {
                SslStream Open(Stream inner, bool lab)
                {
                    if (lab) ServicePointManager.ServerCertificateValidationCallback = {|CMP4002:(s, c, ch, e) => true|};
                    return new SslStream(inner, false, {|CMP4002:(s, c, ch, e) => true|});
                }
            }
            """;
        return Verify<CertificateValidationAnalyzer, CertificateValidationCodeFix>.FixAsync(Source, Source);
    }

    [Fact]
    public Task Fix_removes_a_top_level_statement()
    {
        // Verify<,> compiles a library; top-level statements (common in .NET IoT programs) need an executable.
        var test = new CSharpCodeFixTest<CertificateValidationAnalyzer, CertificateValidationCodeFix, DefaultVerifier>
        {
            TestCode = """
                using System.Net.Http;

                var handler = new HttpClientHandler();
                handler.ServerCertificateCustomValidationCallback = {|CMP4002:(m, c, ch, e) => true|};
                using var client = new HttpClient(handler);

                """,
            FixedCode = """
                using System.Net.Http;

                var handler = new HttpClientHandler();
                using var client = new HttpClient(handler);

                """,
            ReferenceAssemblies = LocalReferences.None,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.AddRange(LocalReferences.Framework);
        test.FixedState.AdditionalReferences.AddRange(LocalReferences.Framework);
        return test.RunAsync();
    }

    [Fact]
    public Task The_rule_file_samples_compiled_alone_match_and_do_not_match() =>
        RuleSamples.VerifyAsync<CertificateValidationAnalyzer>(Descriptors.CertificateValidationDisabled);
}
