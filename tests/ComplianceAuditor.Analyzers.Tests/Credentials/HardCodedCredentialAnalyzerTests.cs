using ComplianceAuditor.Analyzers.Credentials;
using ComplianceAuditor.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Credentials;

/// <summary>CMP4001: the credential sinks the platforms have (Wi-Fi, MQTT, HTTP, connection strings).</summary>
public sealed partial class HardCodedCredentialAnalyzerTests
{
    private static DiagnosticResult Finding(int location, string what, string where) =>
        new DiagnosticResult(DiagnosticIds.HardCodedCredential, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(what, where);

    [Fact]
    public Task NetworkCredential_password_argument_and_property_are_reported_with_the_sink_named() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System.Net;
            class C
            {
                NetworkCredential Make()
                {
                    var byConstructor = new NetworkCredential("admin", {|#0:"hunter2"|});
                    var withDomain = new NetworkCredential("admin", {|#1:"changeme"|}, "CORP");
                    var byProperty = new NetworkCredential { UserName = "admin", Password = {|#2:"admin"|} };
                    byProperty.Password = {|#3:"password"|};
                    return byConstructor;
                }
            }
            """, [], null,
            Finding(0, "password", "new NetworkCredential(...)"),
            Finding(1, "password", "new NetworkCredential(...)"),
            Finding(2, "password", "property 'Password'"),
            Finding(3, "password", "property 'Password'"));

    [Fact]
    public Task NanoFramework_wifi_connect_calls_and_configuration_password_are_reported() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System.Device.Wifi;
            using System.Net.NetworkInformation;
            using nanoFramework.Networking;
            class C
            {
                void Connect()
                {
                    WifiNetworkHelper.ConnectDhcp("HomeNet", {|#0:"Tr4velR0uter!"|});
                    WifiNetworkHelper.ScanAndConnectDhcp("HomeNet", {|#1:"Tr4velR0uter?"|}, requiresDateTime: true);
                    WifiNetworkHelper.ConnectFixAddress("HomeNet", {|#2:"Tr4velR0uter#"|}, new object());
                    WifiAdapter.FindAllAdapters()[0].Connect("HomeNet", WifiReconnectionKind.Automatic, {|#3:"Tr4velR0uter%"|});
                    var config = Wireless80211Configuration.GetAllWireless80211Configurations()[0];
                    config.Password = {|#4:"Tr4velR0uter&"|};
                    config.SaveConfiguration();
                }
            }
            """, [Stubs.NanoFramework], null,
            Finding(0, "Wi-Fi password", "WifiNetworkHelper.ConnectDhcp"),
            Finding(1, "Wi-Fi password", "WifiNetworkHelper.ScanAndConnectDhcp"),
            Finding(2, "Wi-Fi password", "WifiNetworkHelper.ConnectFixAddress"),
            Finding(3, "Wi-Fi password", "WifiAdapter.Connect"),
            Finding(4, "password", "property 'Password'"));

    [Fact]
    public Task Meadow_wifi_connect_is_reported_on_the_passphrase() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Threading.Tasks;
            using Meadow.Hardware;
            class C
            {
                Task Join(IWiFiNetworkAdapter wifi) => wifi.Connect("HomeNet", {|#0:"m3adow-Home"|}, TimeSpan.FromSeconds(45));
            }
            """, [Stubs.Meadow], null, Finding(0, "Wi-Fi passphrase", "IWiFiNetworkAdapter.Connect"));

    [Fact]
    public Task Mqtt_client_credentials_are_reported_for_M2Mqtt_and_MQTTnet() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using MQTTnet.Client;
            using nanoFramework.M2Mqtt;
            class C
            {
                void Connect(MqttClient client)
                {
                    client.Connect("sensor-12", "device", {|#0:"mqtt-s3cret"|});
                    client.Connect("sensor-12");
                    var options = new MqttClientOptionsBuilder().WithTcpServer("broker.example.com").WithCredentials("device", {|#1:"mqtt-s3cret2"|}).Build();
                }
            }
            """, [Stubs.Mqtt], null,
            Finding(0, "MQTT password", "MqttClient.Connect"),
            Finding(1, "MQTT password", "MqttClientOptionsBuilder.WithCredentials"));

    [Fact]
    public Task Basic_and_bearer_authorization_headers_with_fixed_credentials_are_reported() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            class C
            {
                void Configure(HttpClient client, HttpRequestMessage request, WebHeaderCollection legacy)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", {|#0:"YWRtaW46YWRtaW4="|});
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes({|#1:"admin:s3cret"|})));
                    client.DefaultRequestHeaders.Add("Authorization", {|#2:"Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"|});
                    request.Headers.TryAddWithoutValidation("Authorization", {|#3:"Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("svc:Pa55word"))|});
                    legacy["Authorization"] = {|#4:"Basic ZGV2OmRldg=="|};
                    legacy.Add(HttpRequestHeader.Authorization, {|#5:"Bearer 0123456789abcdef"|});
                }
            }
            """, [], null,
            Finding(0, "HTTP credential", "new AuthenticationHeaderValue(...)"),
            Finding(1, "HTTP credential", "new AuthenticationHeaderValue(...)"),
            Finding(2, "HTTP credential", "the Authorization header"),
            Finding(3, "HTTP credential", "the Authorization header"),
            Finding(4, "HTTP credential", "the Authorization header"),
            Finding(5, "HTTP credential", "the Authorization header"));

    [Fact]
    public Task Authorization_values_built_at_run_time_or_left_as_placeholders_are_not_reported() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            class C
            {
                void Configure(HttpClient client, string user, string password)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
                    client.DefaultRequestHeaders.Add("Authorization", "Bearer " + Environment.GetEnvironmentVariable("API_TOKEN"));
                    client.DefaultRequestHeaders.Add("Authorization", "Bearer <token>");
                    client.DefaultRequestHeaders.Add("Authorization", "Basic ${BASIC_AUTH}");
                    client.DefaultRequestHeaders.Add("Accept", "application/json");
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "user:<password>");
                }
            }
            """);

    [Fact]
    public Task Connection_strings_with_a_secret_are_reported_wherever_they_are_written() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            class DeviceClient
            {
                public static DeviceClient CreateFromConnectionString(string connectionString) => new DeviceClient();
            }
            class C
            {
                const string Hub = {|#0:"HostName=hub.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0a2V5MTIzNDU2Nzg5MA=="|};
                string storage = {|#1:"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=q83jdK2lsk/3k2==;EndpointSuffix=core.windows.net"|};
                void Open()
                {
                    var client = DeviceClient.CreateFromConnectionString(Hub);
                    DeviceClient.CreateFromConnectionString({|#2:"Server=db;User Id=sa;Password=Sup3rS3cret;"|});
                    var db = {|#3:"Server=db;Uid=app;Pwd=app123"|};
                }
            }
            """, [], null,
            Finding(0, "connection string secret", "constant 'Hub'"),
            Finding(1, "connection string secret", "field 'storage'"),
            Finding(2, "connection string secret", "DeviceClient.CreateFromConnectionString"),
            Finding(3, "connection string secret", "variable 'db'"));

    [Fact]
    public Task Connection_strings_without_a_real_secret_are_not_reported() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System;
            class C
            {
                const string Template = "HostName=hub.azure-devices.net;DeviceId=dev1;SharedAccessKey=<device-key>";
                const string Empty = "Server=db;User Id=sa;Password=;";
                const string Formatted = "Server=db;User Id=sa;Password={0};";
                const string Masked = "AccountName=acct;AccountKey=****";
                const string Trusted = "Server=db;Integrated Security=true";
                string FromEnvironment() => "Server=db;Password=" + Environment.GetEnvironmentVariable("DB_PASSWORD");
            }
            """);
}
