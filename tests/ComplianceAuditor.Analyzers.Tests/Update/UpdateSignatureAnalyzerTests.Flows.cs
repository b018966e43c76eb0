using ComplianceAuditor.Analyzers.Tests.Verification;
using ComplianceAuditor.Analyzers.Update;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Update;

/// <summary>CMP4008: sources, propagation and sinks, MQTT and the device platforms, and the options.</summary>
public sealed partial class UpdateSignatureAnalyzerTests
{
    // ---- sources, propagation and sinks

    [Fact]
    public Task Async_streams_using_declarations_and_copies_carry_the_download() => Check($$"""
        async Task Apply(HttpClient http)
        {
            using var response = await http.GetAsync({{Url}});
            await using var download = await response.Content.ReadAsStreamAsync();
            using var buffer = new MemoryStream();
            await download.CopyToAsync(buffer);
            {|CMP4008:Assembly.Load(buffer.ToArray())|};
        }

        async Task Plugin(HttpClient http)
        {
            await using (var download = await http.GetStreamAsync({{Url}}))
            {
                {|CMP4008:AssemblyLoadContext.Default.LoadFromStream(download)|};
            }
        }
        """);

    [Fact]
    public Task Decoding_and_decompressing_keep_the_taint() => Check($$"""
        async Task Encoded(HttpClient http)
        {
            var text = await http.GetStringAsync({{Url}});
            {|CMP4008:Assembly.Load(Convert.FromBase64String(text))|};
        }

        async Task Compressed(HttpClient http)
        {
            using var unzip = new GZipStream(await http.GetStreamAsync({{Url}}), CompressionMode.Decompress);
            using var image = new MemoryStream();
            unzip.CopyTo(image);
            var bytes = image.GetBuffer();
            var copy = new byte[bytes.Length];
            Array.Copy(bytes, copy, bytes.Length);
            {|CMP4008:Assembly.Load(copy)|};
        }
        """);

    [Fact]
    public Task A_stream_read_in_chunks_and_written_to_a_flash_device_is_reported() => Check("""
        async Task Flash(HttpClient http)
        {
            using var download = await http.GetStreamAsync("https://updates.example.com/rootfs.img");
            using var flash = new FileStream("/dev/mtd0", FileMode.Open, FileAccess.Write);
            var chunk = new byte[4096];
            int read;
            while ((read = await download.ReadAsync(chunk, 0, chunk.Length)) > 0)
            {
                {|CMP4008:flash.Write(chunk, 0, read)|};
            }
        }

        async Task Verified(HttpClient http, RSA key, byte[] signature)
        {
            var image = await http.GetByteArrayAsync("https://updates.example.com/rootfs.img");
            if (!key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                return;
            using var flash = File.OpenWrite("/dev/mmcblk0p2");
            for (var offset = 0; offset < image.Length; offset += 4096)
                flash.Write(image, offset, Math.Min(4096, image.Length - offset));
        }
        """);

    [Fact]
    public Task Copies_and_writers_onto_update_locations_are_sinks() => Check($$"""
        const string Root = "I:\\";

        async Task Save(HttpClient http)
        {
            var download = await http.GetStreamAsync({{Url}});
            using (var file = File.Create(Path.Combine(Root, "app.pe")))
            {
                {|CMP4008:download.CopyTo(file)|};
            }

            var image = await http.GetByteArrayAsync("https://updates.example.com/rootfs.img");
            using var writer = new BinaryWriter(File.OpenWrite("/dev/mtdblock2"));
            {|CMP4008:writer.Write(image)|};
        }
        """);

    [Fact]
    public Task Socket_and_network_stream_reads_taint_their_buffer() => Check("""
        void Receive(Socket socket, TcpClient tcp)
        {
            var packet = new byte[1024];
            socket.Receive(packet);
            {|CMP4008:File.WriteAllBytes("/boot/zImage", packet)|};

            var network = tcp.GetStream();
            var block = new byte[512];
            network.Read(block, 0, block.Length);
            {|CMP4008:File.WriteAllBytes($"/tmp/{DateTime.Now.Ticks}.swu", block)|};
        }
        """);

    [Fact]
    public Task Writes_to_ordinary_files_and_loads_by_name_are_not_sinks() => Check($$"""
        async Task Cache(HttpClient http)
        {
            var settings = await http.GetByteArrayAsync("https://config.example.com/settings.json");
            File.WriteAllBytes("/var/cache/settings.json", settings);
            File.WriteAllText("status.txt", await http.GetStringAsync("https://config.example.com/status"));
            Assembly.Load(await http.GetStringAsync("https://config.example.com/plugin-name"));
            using var log = File.Create("/var/log/download.log");
            log.Write(settings, 0, settings.Length);
        }

        async Task InstalledPlugin(HttpClient http)
        {
            // The server picks one of the plugins already on the device; the file's content is local.
            var name = await http.GetStringAsync("https://config.example.com/plugin");
            Assembly.Load(File.ReadAllBytes(Path.Combine("/opt/app/plugins", name)));
        }
        """);

    [Fact]
    public Task A_local_function_is_its_own_region() => Check($$"""
        void Run(HttpClient http)
        {
            Load().Wait();

            async Task Load()
            {
                var image = await http.GetByteArrayAsync({{Url}});
                {|CMP4008:Assembly.Load(image)|};
            }
        }
        """);

    // ---- MQTT and the device platforms

    [Fact]
    public Task Mqtt_payloads_in_handlers_and_lambdas_are_sources() => Verify<UpdateSignatureAnalyzer>.DiagnosticsAsync(
        Usings + """
        using MQTTnet.Client;
        using nanoFramework.M2Mqtt;
        using nanoFramework.M2Mqtt.Messages;

        class Ota
        {
            void Subscribe(IMqttClient client, MqttClient nano, RSA key, byte[] signature)
            {
                client.ApplicationMessageReceivedAsync += e =>
                {
                    {|CMP4008:Assembly.Load(e.ApplicationMessage.Payload)|};
                    return Task.CompletedTask;
                };
                client.ApplicationMessageReceivedAsync += e =>
                {
                    var image = e.ApplicationMessage.PayloadSegment.ToArray();
                    if (key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                        Assembly.Load(image);
                    return Task.CompletedTask;
                };
                nano.MqttMsgPublishReceived += OnPublish;
            }

            void OnPublish(object sender, MqttMsgPublishEventArgs e) => {|CMP4008:File.WriteAllBytes("/dev/mtd3", e.Message)|};
        }
        """,
        Stubs.Mqtt);

    [Fact]
    public Task Platform_managed_updates_are_not_sinks() => Verify<UpdateSignatureAnalyzer>.DiagnosticsAsync(
        """
        using Meadow;
        using Meadow.Update;

        class Ota
        {
            void Start() => Resolver.UpdateService.OnUpdateRetrieved += (sender, info) => Resolver.UpdateService.ApplyUpdate(info);
        }
        """,
        Stubs.Meadow);

    [Fact]
    public Task NanoFramework_downloads_are_found_with_the_platform_unresolved() => Verify<UpdateSignatureAnalyzer>.UnresolvedDiagnosticsAsync("""
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Reflection;
        using nanoFramework.Networking;

        public class Program
        {
            const string RootPath = "I:\\";

            public static void Main()
            {
                var request = (HttpWebRequest)WebRequest.Create("https://updates.example.com/app.pe");
                request.SslVerification = SslVerification.CertificateRequired;
                using var response = (HttpWebResponse)request.GetResponse();
                using var stream = response.GetResponseStream();
                var buffer = new byte[response.ContentLength];
                stream.Read(buffer, 0, buffer.Length);
                {|CMP4008:File.WriteAllBytes(RootPath + "app.pe", buffer)|};
                {|CMP4008:Assembly.Load(buffer)|};

                var client = new HttpClient();
                client.SslVerification = SslVerification.CertificateRequired;
                var image = client.GetByteArray("https://updates.example.com/lib.pe");
                {|CMP4008:Assembly.Load(image)|};

                var fetched = NanoHttp.Open("https://updates.example.com/x.pe").GetResponseStream();
                using var file = new FileStream("I:\\x.pe", FileMode.Create);
                {|CMP4008:fetched.CopyTo(file)|};
            }

            static void Verified(HttpClient client, byte[] signature)
            {
                var image = client.GetByteArray("https://updates.example.com/lib.pe");
                if (!Crypto.VerifySignature(image, signature))
                    return;
                Assembly.Load(image);
            }
        }
        """);

    [Fact]
    public Task Mqtt_payloads_are_found_with_the_clients_unresolved() => Verify<UpdateSignatureAnalyzer>.UnresolvedDiagnosticsAsync("""
        using System.Reflection;
        using System.Security.Cryptography;
        using MQTTnet.Client;
        using nanoFramework.M2Mqtt;
        using nanoFramework.M2Mqtt.Messages;

        class Ota
        {
            void Start(IMqttClient client, MqttClient nano, RSA key, byte[] signature)
            {
                client.ApplicationMessageReceivedAsync += async e => { {|CMP4008:Assembly.Load(e.ApplicationMessage.Payload)|}; };
                nano.MqttMsgPublishReceived += (sender, e) => {|CMP4008:Assembly.Load(e.Message)|};
                client.ApplicationMessageReceivedAsync += async e =>
                {
                    if (!key.VerifyData(e.ApplicationMessage.Payload, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                        return;
                    Assembly.Load(e.ApplicationMessage.Payload);
                };
            }

            void OnPublish(object sender, MqttMsgPublishEventArgs e) => {|CMP4008:Assembly.Load(e.Message)|};
        }
        """);

    // ---- options

    [Fact]
    public Task Configured_sources_sinks_and_verifiers_add_to_the_defaults() => Verify<UpdateSignatureAnalyzer>.DiagnosticsAsync(
        Usings + """
        namespace Acme.Ota
        {
            static class Radio { public static byte[] Fetch() => new byte[0]; }

            static class Flasher { public static void Apply(byte[] image) { } }

            static class Gate { public static bool Approve(byte[] image) => true; }

            class Updater
            {
                void FromRadio() => {|CMP4008:Assembly.Load(Radio.Fetch())|};

                async Task ToFlasher(HttpClient http) => {|CMP4008:Flasher.Apply(await http.GetByteArrayAsync("https://updates.example.com/fw"))|};

                async Task Approved(HttpClient http)
                {
                    var image = await http.GetByteArrayAsync("https://updates.example.com/fw");
                    if (!Gate.Approve(image))
                        return;
                    Flasher.Apply(image);
                }
            }
        }
        """,
        [],
        """
        compliance_auditor.CMP4008.update_sources = Acme.Ota.Radio.Fetch
        compliance_auditor.CMP4008.update_sinks = Flasher.Apply
        compliance_auditor.CMP4008.update_verifiers = Acme.Ota.Gate.Approve
        """);

    [Fact]
    public Task Without_the_option_a_custom_gate_is_not_a_verifier() => Check("""
        async Task Approved(HttpClient http)
        {
            var image = await http.GetByteArrayAsync("https://updates.example.com/app.pe");
            if (!Gate.Approve(image))
                return;
            {|CMP4008:Assembly.Load(image)|};
        }

        static class Gate { public static bool Approve(byte[] image) => true; }
        """);

    [Theory]
    [InlineData("/dev/mtd2", true)]
    [InlineData("/dev/mmcblk0p1", true)]
    [InlineData("/boot/Image", true)]
    [InlineData("/mnt/rootfs/lib/firmware/regulatory.db", true)]
    [InlineData("I:\\app.pe", true)]
    [InlineData("update.raucb", true)]
    [InlineData("/data/artifact.mender", true)]
    [InlineData("C:\\plugins\\Vendor.Driver.DLL", true)]
    [InlineData("/var/lib/app/settings.json", false)]
    [InlineData("D:\\log.txt", false)]
    [InlineData("/dev/null", false)]
    public void Update_locations_are_recognised_by_device_folder_and_extension(string path, bool expected) =>
        Assert.Equal(expected, UpdateLocations.LooksLikeUpdateLocation(path));

    [Fact]
    public async Task The_rule_files_samples_compiled_alone_match_and_do_not_match()
    {
        var (mustMatch, mustNotMatch) = UpdateRuleSamples.Read();
        Assert.NotEmpty(mustMatch);
        Assert.NotEmpty(mustNotMatch);
        foreach (var sample in mustMatch)
        {
            Assert.True(await UpdateRuleSamples.ReportsAsync(sample), "expected CMP4008 for:\n" + sample);
        }

        foreach (var sample in mustNotMatch)
        {
            Assert.False(await UpdateRuleSamples.ReportsAsync(sample), "expected no CMP4008 for:\n" + sample);
        }
    }

    private static Task Check(string members, params string[] stubs) => Verify<UpdateSignatureAnalyzer>.DiagnosticsAsync(Class(members), stubs);

    private static string Class(string members) =>
        Usings + "class Updater\n{\n" + string.Join("\n", members.Split('\n').Select(l => l.Length == 0 ? l : "    " + l)) + "\n}\n";

    private static DiagnosticResult Expected(int location, string source, string sink) =>
        new DiagnosticResult(DiagnosticIds.UpdateWithoutSignatureCheck, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(source, sink);
}
