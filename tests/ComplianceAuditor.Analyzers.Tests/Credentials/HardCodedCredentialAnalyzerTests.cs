using ComplianceAuditor.Analyzers.Credentials;
using ComplianceAuditor.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Credentials;

public sealed class HardCodedCredentialAnalyzerTests
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

    [Fact]
    public Task Names_that_say_credential_are_reported_when_given_a_fixed_value() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            class Settings
            {
                public const string WifiPassword = {|#0:"Tr4velR0uter!"|};
                private static readonly string api_key = {|#1:"AIzaSyA-1234567890abcdef"|};
                public string MqttToken { get; set; } = {|#2:"tok-8f2a9c"|};
                public string AdminPassword => {|#3:"admin"|};
                public string DevicePsk;
                public string GetSharedAccessKey() { return {|#4:"c2VjcmV0"|}; }
                void Apply(string wpa_passphrase = {|#5:"correct horse battery"|})
                {
                    string mqttpassword = {|#6:"m0squitto"|};
                    DevicePsk = {|#7:"psk-0001"|};
                    var anonymous = new { client_secret = {|#8:"cs-123"|} };
                }

                const string WIFI_WPA_KEY = {|#9:"1s(h1pu+Bj0rn"|};
                const string AppKey = {|#10:"8A3F0C1D2E4B5A6978CDEF0123456789"|};
                const string SasKey = {|#11:"dGhpcyBpcyBub3QgYSByZWFsIGtleQ=="|};
            }
            """, [], null,
            Finding(0, "password", "constant 'WifiPassword'"),
            Finding(1, "API key", "field 'api_key'"),
            Finding(2, "token", "property 'MqttToken'"),
            Finding(3, "password", "property 'AdminPassword'"),
            Finding(4, "shared access key", "the return value of 'GetSharedAccessKey'"),
            Finding(5, "passphrase", "parameter 'wpa_passphrase'"),
            Finding(6, "password", "variable 'mqttpassword'"),
            Finding(7, "pre-shared key", "field 'DevicePsk'"),
            Finding(8, "secret", "property 'client_secret'"),
            Finding(9, "Wi-Fi key", "constant 'WIFI_WPA_KEY'"),
            Finding(10, "LoRaWAN key", "constant 'AppKey'"),
            Finding(11, "shared access key", "constant 'SasKey'"));

    [Fact]
    public Task Names_that_only_resemble_credentials_are_not_reported() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            class Settings
            {
                public const string Keyboard = "us-intl";
                public const string monkey = "banana";
                public const string KeyCount = "12";
                public const string TokenizerOptions = "whitespace";
                public const string PasswordLength = "12";
                public const string PasswordPrompt = "Enter the password of the access point";
                public const string IsPasswordSet = "no";
                public const string TokenEndpoint = "https://login.example.com/oauth2/token";
                public const string SecretName = "wifi";
                public const string Bypass = "direct";
                public const string HardCodedCredential = "CMP4001";
                public const string InsecureRandomForSecret = "CMP4007";
                public const string NoPassword = "open";
            }
            """);

    [Fact]
    public Task Arguments_bound_to_credential_named_parameters_are_reported() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            class Cloud
            {
                public static void Login(string user, string password) { }
                public static void Register(string deviceId, string apiKey, string region) { }
                static void Run()
                {
                    Login("admin", {|#0:"admin"|});
                    Register("dev-1", {|#1:"ak_live_51H8"|}, "eu-west");
                    Login(password: {|#2:"hunter22"|}, user: "root");
                }
            }
            """, [], null,
            Finding(0, "password", "Cloud.Login"),
            Finding(1, "API key", "Cloud.Register"),
            Finding(2, "password", "Cloud.Login"));

    [Fact]
    public Task Placeholders_masks_and_prompts_are_not_reported() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Net;
            using nanoFramework.Networking;
            class Secrets
            {
                public const string WIFI_NAME = "[SSID]";
                public const string WIFI_PASSWORD = "[PASSWORD]";
                public const string MqttPassword = "YOUR_PASSWORD";
                public const string ApiKey = "your-api-key-here";
                public const string Token = "<token>";
                public const string Secret = "${CLIENT_SECRET}";
                public const string Pwd = "%PASSWORD%";
                public const string Psk = "{psk}";
                public const string DefaultPassword = "REPLACE-WITH-YOUR-WIFI-KEY";
                public const string HomePassword = "YourWiFiPassword";
                public const string SasKey = "yoursaskey";
                public const string CloudApiKey = "X-Api-Key";
                void Connect()
                {
                    WifiNetworkHelper.ConnectDhcp("net", "");
                    WifiNetworkHelper.ConnectDhcp("net", "   ");
                    WifiNetworkHelper.ConnectDhcp("net", "****");
                    WifiNetworkHelper.ConnectDhcp("net", "xxxxxxxx");
                    WifiNetworkHelper.ConnectDhcp("net", WIFI_PASSWORD);
                    new NetworkCredential("user", "<password>");
                    Console.Write("Enter password:");
                    Console.WriteLine("Password");
                    string password = null;
                    string token = "";
                }
            }
            """, Stubs.NanoFramework);

    [Fact]
    public Task Universal_defaults_are_secrets_when_they_reach_a_credential_sink() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using nanoFramework.Networking;
            class C
            {
                void Connect()
                {
                    WifiNetworkHelper.ConnectDhcp("net", {|CMP4001:"changeme"|});
                    WifiNetworkHelper.ConnectDhcp("net", {|CMP4001:"password"|});
                    WifiNetworkHelper.ConnectDhcp("net", {|CMP4001:"admin"|});
                    WifiNetworkHelper.ConnectDhcp("net", {|CMP4001:"wifi_password"|});
                }
            }
            """, Stubs.NanoFramework);

    [Fact]
    public Task A_setting_name_kept_in_a_constant_is_a_lookup_key_not_a_secret() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System;
            class C
            {
                const string PasswordKey = "wifi_password";
                const string WifiPassword = "WifiPassword";
                const string MqttToken = "mqtt:token";
                const string WIFI_PASSWORD = "WIFI_PASSWORD";
                string Read() => Environment.GetEnvironmentVariable(WIFI_PASSWORD) ?? Environment.GetEnvironmentVariable(PasswordKey) ?? WifiPassword + MqttToken;
            }
            """);

    [Fact]
    public Task Values_read_at_run_time_are_never_reported() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Net;
            using nanoFramework.Networking;
            class C
            {
                string Password { get; set; } = Environment.GetEnvironmentVariable("WIFI_PASSWORD") ?? "";
                void Connect(string ssid, string secret)
                {
                    var pass = Console.ReadLine();
                    WifiNetworkHelper.ConnectDhcp(ssid, pass);
                    WifiNetworkHelper.ConnectDhcp(ssid, secret);
                    new NetworkCredential("user", Password);
                    var token = $"{ssid}-{DateTime.Now.Ticks}";
                }
            }
            """, Stubs.NanoFramework);

    [Fact]
    public Task A_value_from_a_constant_or_local_is_reported_on_its_declaration_literal_once() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using nanoFramework.Networking;
            class Net
            {
                public const string Ssid = "HomeNet";
                public const string Key = {|#0:"Tr4velR0uter!"|};
                public const string Prefix = "Tr4vel";
            }
            class C
            {
                void Connect(bool retry)
                {
                    WifiNetworkHelper.ConnectDhcp(Net.Ssid, Net.Key);
                    if (retry)
                    {
                        WifiNetworkHelper.ConnectDhcp(Net.Ssid, Net.Key);
                    }

                    var k = {|#1:"L0cal-K3y"|};
                    WifiNetworkHelper.ConnectDhcp(Net.Ssid, k);
                    WifiNetworkHelper.ConnectDhcp(Net.Ssid, {|#2:$"{Net.Prefix}R0uter"|});
                    WifiNetworkHelper.ConnectDhcp(Net.Ssid, {|#3:Net.Prefix + "-2024"|});
                }
            }
            """, [Stubs.NanoFramework], null,
            Finding(0, "Wi-Fi password", "WifiNetworkHelper.ConnectDhcp"),
            Finding(1, "Wi-Fi password", "WifiNetworkHelper.ConnectDhcp"),
            Finding(2, "Wi-Fi password", "WifiNetworkHelper.ConnectDhcp"),
            Finding(3, "Wi-Fi password", "WifiNetworkHelper.ConnectDhcp"));

    [Fact]
    public Task A_credential_named_constant_is_reported_once_at_its_declaration_not_again_at_each_use() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using nanoFramework.Networking;
            class C
            {
                const string WifiPassword = {|#0:"Tr4velR0uter!"|};
                void Connect()
                {
                    WifiNetworkHelper.ConnectDhcp("HomeNet", WifiPassword);
                    var pwd = {|#1:"L0cal-K3y"|};
                    WifiNetworkHelper.ConnectDhcp("HomeNet", pwd);
                }
            }
            """, [Stubs.NanoFramework], null,
            Finding(0, "password", "constant 'WifiPassword'"),
            Finding(1, "password", "variable 'pwd'"));

    [Fact]
    public Task A_local_assigned_again_is_not_a_constant() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System;
            using nanoFramework.Networking;
            class C
            {
                void Connect()
                {
                    var k = "fallback-value";
                    if (Environment.GetEnvironmentVariable("K") is { } configured)
                    {
                        k = configured;
                    }

                    WifiNetworkHelper.ConnectDhcp("HomeNet", k);
                }
            }
            """, Stubs.NanoFramework);

    [Fact]
    public Task Keyed_stores_report_values_under_credential_keys() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System.Collections.Generic;
            class C
            {
                void Fill(Dictionary<string, string> settings)
                {
                    settings["api_key"] = {|#0:"AKIA1234567890"|};
                    settings.Add("mqtt_password", {|#1:"m0squitto"|});
                    settings["host"] = "broker.example.com";
                    settings.Add("password_length", "12");
                    settings.Add("/etc/passwd", "root:x:0:0::/root:/bin/sh");
                    settings["the password"] = "hunter2 is an example";
                }
            }
            """, [], null,
            Finding(0, "API key", "the 'api_key' entry"),
            Finding(1, "password", "the 'mqtt_password' entry"));

    [Fact]
    public Task A_fixed_fallback_after_a_run_time_value_is_a_default_credential() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Collections.Generic;
            class C
            {
                string Password => Environment.GetEnvironmentVariable("DEVICE_PASSWORD") ?? {|#0:"admin"|};
                string Token => Environment.GetEnvironmentVariable("DEVICE_TOKEN") ?? "";
                Dictionary<string, string> Defaults() => new Dictionary<string, string> { ["mqtt_password"] = {|#1:"m0squitto"|} };
                Dictionary<string, string> Keys() => new Dictionary<string, string> { { "api_key", {|#2:"AKIA1234567890"|} } };
            }
            """, [], null,
            Finding(0, "password", "property 'Password'"),
            Finding(1, "password", "the 'mqtt_password' entry"),
            Finding(2, "API key", "the 'api_key' entry"));

    [Fact]
    public Task Platform_types_unresolved_still_report_the_main_cases() =>
        Verify<HardCodedCredentialAnalyzer>.UnresolvedDiagnosticsAsync("""
            using System;
            using System.Device.Wifi;
            using System.Net.NetworkInformation;
            using nanoFramework.Networking;
            using nanoFramework.M2Mqtt;
            using MQTTnet.Client;
            using Meadow;
            using Meadow.Hardware;
            class App
            {
                const string Ssid = "HomeNet";
                const string WifiPassword = {|CMP4001:"Tr4velR0uter!"|};
                void Run()
                {
                    WifiNetworkHelper.ConnectDhcp(Ssid, {|CMP4001:"Tr4velR0uter?"|});
                    var adapter = WifiAdapter.FindAllAdapters()[0];
                    adapter.Connect(Ssid, WifiReconnectionKind.Automatic, {|CMP4001:"Tr4velR0uter#"|});
                    var config = new Wireless80211Configuration { Ssid = Ssid, Password = {|CMP4001:"Tr4velR0uter&"|} };
                    config.Password = {|CMP4001:"Tr4velR0uter*"|};
                    var client = new MqttClient("broker.example.com");
                    client.Connect("sensor-12", "device", {|CMP4001:"mqtt-s3cret"|});
                    var options = new MqttClientOptionsBuilder().WithTcpServer("broker").WithCredentials("device", {|CMP4001:"mqtt-s3cret2"|}).Build();
                    var wifi = Device.NetworkAdapters.Primary<IWiFiNetworkAdapter>();
                    wifi.Connect(Ssid, {|CMP4001:"m3adow-Home"|}, TimeSpan.FromSeconds(45));
                    var iot = DeviceClient.CreateFromConnectionString({|CMP4001:"HostName=h;DeviceId=d;SharedAccessKey=c2VjcmV0a2V5"|});
                    WifiNetworkHelper.ConnectDhcp(Ssid, "");
                }
            }
            """);

    [Fact]
    public Task Extra_credential_names_from_editorconfig_are_matched_as_words() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            class C
            {
                const string DevicePin = {|#0:"4711"|};
                const string setup_pass_code = {|#1:"8812"|};
                const string Spin = "fast";
                const string PinCount = "4";
            }
            """, [], "compliance_auditor.CMP4001.credential_names = pin, pass_code\n",
            Finding(0, "pin", "constant 'DevicePin'"),
            Finding(1, "pass code", "constant 'setup_pass_code'"));

    [Fact]
    public Task Extra_credential_methods_from_editorconfig_take_the_arguments_after_the_first() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            namespace Acme
            {
                class Cloud
                {
                    public static void Login(string account, string key) { }
                    public static void Unlock(string code) { }
                    static void Run()
                    {
                        Login("device-7", {|#0:"k-2291-xx9"|});
                        Unlock({|#1:"0000-1111"|});
                        Login("device-7", "");
                    }
                }
            }
            """, [], "compliance_auditor.CMP4001.credential_methods = Acme.Cloud.Login, Cloud.Unlock\n",
            Finding(0, "credential", "Cloud.Login"),
            Finding(1, "credential", "Cloud.Unlock"));

    [Fact]
    public Task Extra_credential_methods_match_unresolved_calls_by_name() =>
        Verify<HardCodedCredentialAnalyzer>.DiagnosticsAsync("""
            class C
            {
                void Run()
                {
                    VendorSdk.Session.Open("tenant", {|CMP4001:"s3cr3t-k3y"|}, {|CMP4001:"2nd-s3cret!"|});
                }
            }
            """, [], "compliance_auditor.CMP4001.credential_methods = VendorSdk.Session.Open\n",
            DiagnosticResult.CompilerError("CS0103").WithSpan(5, 9, 5, 18).WithArguments("VendorSdk"));
}
