using ComplianceAuditor.Analyzers.Tests.Verification;
using ComplianceAuditor.Analyzers.Transport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Transport;

// WebClient, WebRequest and ServicePointManager are [Obsolete] (SYSLIB0014) in net10: warnings, which the harness ignores.
public sealed class PlainTextUpdateUrlAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Threading.Tasks;

        """;

    private static DiagnosticResult Expected(int location, string url, string api) =>
        new DiagnosticResult(DiagnosticIds.PlainTextUpdateUrl, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(url, api);

    [Fact]
    public Task Http_client_downloads_of_firmware_and_configuration_are_reported_at_the_literal() =>
        Verify<PlainTextUpdateUrlAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                readonly HttpClient client = new HttpClient();

                async Task Run(string host, int version)
                {
                    var image = await client.GetByteArrayAsync({|#0:"http://cdn.example.com/cam200/firmware.bin"|});
                    var settings = await client.GetStringAsync(new Uri({|#1:"http://example.com/device.json"|}));
                    using var stream = await client.GetStreamAsync({|#2:$"http://{host}/ota/{version}"|});
                    using var response = await client.GetAsync({|#3:"http://example.com/config?token=s3cr3t"|});
                    using var request = new HttpRequestMessage(HttpMethod.Get, {|#4:"http://example.com/v2/manifest"|});
                    using var sent = await client.SendAsync(request);
                    using var direct = client.Send(new HttpRequestMessage { RequestUri = new Uri({|#5:"http://example.com/releases/latest"|}) });
                    var options = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<string[]>(client, {|#6:"http://example.com/options.json"|});
                    var channels = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<string[]>(client, "http://example.com/news");
                }
            }
            """, [], null,
            Expected(0, "http://cdn.example.com/cam200/firmware.bin", "HttpClient.GetByteArrayAsync"),
            Expected(1, "http://example.com/device.json", "HttpClient.GetStringAsync"),
            Expected(2, "http://{host}/ota/{version}", "HttpClient.GetStreamAsync"),
            Expected(3, "http://example.com/config?...", "HttpClient.GetAsync"),
            Expected(4, "http://example.com/v2/manifest", "HttpClient.SendAsync"),
            Expected(5, "http://example.com/releases/latest", "HttpClient.Send"),
            Expected(6, "http://example.com/options.json", "HttpClient.GetFromJsonAsync"));

    [Fact]
    public Task Constants_fields_and_properties_are_followed_to_their_literal() =>
        Verify<PlainTextUpdateUrlAnalyzer>.DiagnosticsAsync(Usings + """
            class Updater
            {
                const string Server = {|#0:"http://updates.example.com"|};
                static readonly string MirrorRoot = {|#1:"http://mirror.example.com/pub"|};

                string Feed { get; } = {|#2:"http://example.com/feed"|};

                readonly HttpClient client = new HttpClient { BaseAddress = new Uri({|#3:"http://api.example.com/"|}) };

                async Task Check()
                {
                    await client.GetStringAsync(Server + "/check");
                    await client.GetStringAsync(Server + "/check");
                    await client.GetByteArrayAsync(Server + "/image");
                    await client.GetByteArrayAsync($"{MirrorRoot}/latest.swu");
                    await client.GetStringAsync(Feed);
                }
            }
            """, [], null,
            Expected(0, "http://updates.example.com/check", "HttpClient.GetStringAsync"),
            Expected(0, "http://updates.example.com/image", "HttpClient.GetByteArrayAsync"),
            Expected(1, "http://mirror.example.com/pub/latest.swu", "HttpClient.GetByteArrayAsync"),
            Expected(2, "http://example.com/feed", "HttpClient.GetStringAsync"),
            Expected(3, "http://api.example.com/", "HttpClient.BaseAddress"));

    [Fact]
    public Task Web_client_and_web_request_downloads_are_reported() =>
        Verify<PlainTextUpdateUrlAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                void Fetch(WebClient web)
                {
                    web.DownloadFile({|#0:"http://example.com/x"|}, "/flash/app.bin");
                    var config = web.DownloadString({|#1:"http://example.com/settings"|});
                    web.DownloadDataAsync(new Uri({|#2:"http://example.com/upgrade"|}));
                    var request = (HttpWebRequest)HttpWebRequest.Create({|#3:"http://example.com/download/latest"|});
                    var stream = WebRequest.CreateHttp({|#4:"http://example.com/fw"|}).GetResponse().GetResponseStream();
                }
            }
            """, [], null,
            Expected(0, "http://example.com/x", "WebClient.DownloadFile"),
            Expected(1, "http://example.com/settings", "WebClient.DownloadString"),
            Expected(2, "http://example.com/upgrade", "WebClient.DownloadDataAsync"),
            Expected(3, "http://example.com/download/latest", "WebRequest.Create"),
            Expected(4, "http://example.com/fw", "WebRequest.CreateHttp"));

    [Fact]
    public Task The_method_and_class_names_tell_an_update_download() =>
        Verify<PlainTextUpdateUrlAnalyzer>.DiagnosticsAsync(Usings + """
            class OtaAgent
            {
                Task<string> Poll(HttpClient client) => client.GetStringAsync({|CMP4004:"http://example.com/api/v1/status"|});
            }

            class Telemetry
            {
                Task<string> CheckForUpdates(HttpClient client) => client.GetStringAsync({|CMP4004:"http://example.com/api/v1/status"|});

                void Local(WebClient web)
                {
                    byte[] FetchFirmware() => web.DownloadData({|CMP4004:"http://example.com/current"|});
                }
            }
            """);

    [Fact]
    public Task Https_loopback_unrelated_logged_and_unknown_urls_are_not_reported() =>
        Verify<PlainTextUpdateUrlAnalyzer>.DiagnosticsAsync(Usings + """
            using System.Xml.Linq;

            class WeatherStation
            {
                async Task Poll(HttpClient client, string firmwareUrl)
                {
                    await client.GetByteArrayAsync("https://updates.example.com/firmware.bin");
                    await client.GetByteArrayAsync("http://localhost:8080/firmware.bin");
                    await client.GetByteArrayAsync("http://127.0.0.1/update");
                    await client.GetByteArrayAsync("http://[::1]/fw.bin");
                    await client.GetStringAsync("http://example.com/weather");
                    await client.GetStringAsync("http://example.com/cgi-bin/status");
                    await client.GetByteArrayAsync(firmwareUrl);
                    XNamespace ns = "http://schemas.example.com/update/2019";
                    Console.WriteLine("Download the firmware from http://example.com/fw.bin");
                    var link = new Uri("http://example.com/firmware.bin");
                    Console.WriteLine(link);
                }
            }
            """);

    [Fact]
    public Task NanoFramework_web_request_is_reported() =>
        Verify<PlainTextUpdateUrlAnalyzer>.DiagnosticsAsync("""
            using nanoFramework.Stubs;

            class Device
            {
                void Update()
                {
                    var request = NanoHttpWebRequest.Create({|#0:"http://example.com/app.pe"|});
                    var stream = request.GetResponseStream();
                }
            }
            """, [Stubs.NanoFramework], null, Expected(0, "http://example.com/app.pe", "NanoHttpWebRequest.Create"));

    [Fact]
    public Task Mqtt_connections_without_tls_are_reported_when_they_carry_updates_or_configuration() =>
        Verify<PlainTextUpdateUrlAnalyzer>.DiagnosticsAsync("""
            using nanoFramework.M2Mqtt;
            using nanoFramework.M2Mqtt.Messages;
            using MQTTnet.Client;

            class FirmwareChannel
            {
                MqttClient Open() => new MqttClient({|#0:"broker.example.com"|});

                MqttClient Secure() => new MqttClient("broker.example.com", 8883, true, null, null, MqttSslProtocols.TLSv1_2);

                MqttClient Local() => new MqttClient("localhost");
            }

            class Telemetry
            {
                void Connect()
                {
                    var client = new MqttClient({|#1:"mqtt.example.com"|}, 1883, false, null, null, MqttSslProtocols.None);
                    client.Subscribe(new[] { "devices/42/config" }, new byte[] { 1 });
                }
            }

            class Sensors
            {
                MqttClient Plain() => new MqttClient("sensors.example.com", 1883, false, null, null, MqttSslProtocols.None);

                MqttClientOptions Options() => new MqttClientOptionsBuilder().WithTcpServer("sensors.example.com", 1883).Build();
            }

            class ConfigSync
            {
                MqttClientOptions Plain() => new MqttClientOptionsBuilder().WithTcpServer({|#2:"broker.example.com"|}, 1883).Build();

                MqttClientOptions Tls() => new MqttClientOptionsBuilder()
                    .WithTcpServer("broker.example.com", 8883)
                    .WithTlsOptions(o => { })
                    .Build();
            }
            """, [Stubs.Mqtt], null,
            Expected(0, "broker.example.com", "MqttClient without TLS"),
            Expected(1, "mqtt.example.com", "MqttClient without TLS"),
            Expected(2, "broker.example.com", "MqttClientOptionsBuilder.WithTcpServer without WithTls"));

    [Fact]
    public Task Main_cases_are_found_with_the_platform_types_unresolved() =>
        Verify<PlainTextUpdateUrlAnalyzer>.UnresolvedDiagnosticsAsync("""
            using System.Net;
            using System.Net.Http;
            using nanoFramework.M2Mqtt;
            using MQTTnet.Client;

            class OtaService
            {
                const string ImageUrl = {|CMP4004:"http://example.com/app.bin"|};

                void Run()
                {
                    using var client = new HttpClient();
                    var image = client.GetByteArray(ImageUrl);
                    var manifest = client.GetString({|CMP4004:"http://example.com/manifest"|});
                    var request = (HttpWebRequest)WebRequest.Create({|CMP4004:"http://example.com/next"|});
                    var mqtt = new MqttClient({|CMP4004:"broker.example.com"|});
                    var options = new MqttClientOptionsBuilder().WithConnectionUri({|CMP4004:"mqtt://broker.example.com:1883"|}).Build();
                    var secure = new MqttClientOptionsBuilder().WithConnectionUri("mqtts://broker.example.com:8883").Build();
                    var weather = client.GetString("https://example.com/manifest");
                }
            }
            """);

    [Fact]
    public Task The_rule_file_samples_compiled_alone_match_and_do_not_match() =>
        RuleSamples.VerifyAsync<PlainTextUpdateUrlAnalyzer>(Descriptors.PlainTextUpdateUrl);
}
