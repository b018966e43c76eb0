using ComplianceAuditor.Analyzers.Credentials;
using ComplianceAuditor.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Credentials;

/// <summary>CMP4001: names that say credential, what is not a secret, how values are followed, and the options.</summary>
public sealed partial class HardCodedCredentialAnalyzerTests
{
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
