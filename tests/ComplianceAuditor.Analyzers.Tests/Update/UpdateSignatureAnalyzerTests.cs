using ComplianceAuditor.Analyzers.Tests.Verification;
using ComplianceAuditor.Analyzers.Update;

namespace ComplianceAuditor.Analyzers.Tests.Update;

/// <summary>CMP4008: the main case, and which verifications count and which do not.</summary>
public sealed partial class UpdateSignatureAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.IO.Compression;
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Reflection;
        using System.Runtime.Loader;
        using System.Security.Cryptography;
        using System.Threading.Tasks;

        """;

    private const string Url = "\"https://updates.example.com/app.pe\"";

    // ---- the main case and its message

    [Fact]
    public Task Downloaded_assembly_loaded_without_verification_is_reported_with_source_and_sink() =>
        Verify<UpdateSignatureAnalyzer>.DiagnosticsAsync(
            Class($$"""
                async Task Apply(HttpClient http)
                {
                    var image = await http.GetByteArrayAsync({{Url}});
                    {|#0:Assembly.Load(image)|};
                }
                """),
            [],
            null,
            Expected(0, "HttpClient.GetByteArrayAsync", "Assembly.Load"));

    // ---- verification that counts

    [Fact]
    public Task Verification_with_an_early_return_guards_the_sink() => Check($$"""
        async Task Apply(HttpClient http, RSA key)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            var signature = await http.GetByteArrayAsync({{Url}} + ".sig");
            if (!key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                return;
            Assembly.Load(image);
        }
        """);

    [Fact]
    public Task Verification_of_the_images_hash_with_a_throw_guards_a_firmware_write() => Check("""
        void Apply(WebClient web, ECDsa key, byte[] signature)
        {
            var image = web.DownloadData("https://updates.example.com/wifi.bin");
            var digest = SHA256.HashData(image);
            if (key.VerifyHash(digest, signature) == false)
                throw new CryptographicException("bad signature");
            File.WriteAllBytes("/lib/firmware/wifi.bin", image);
        }
        """);

    [Fact]
    public Task Sink_inside_the_verified_branch_is_guarded() => Check($$"""
        async Task Apply(HttpClient http, DSA key, byte[] signature)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            if (key.VerifyData(image, signature, HashAlgorithmName.SHA256))
            {
                Assembly.Load(image);
            }
            else
            {
                Console.WriteLine("rejected");
            }
        }
        """);

    [Fact]
    public Task A_bool_local_holding_the_outcome_guards_the_sink_once_tested() => Check($$"""
        async Task Apply(HttpClient http, RSA key, byte[] signature)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            var authentic = key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (authentic is false)
                throw new InvalidDataException();
            Assembly.Load(image);
        }

        async Task Untested(HttpClient http, RSA key, byte[] signature)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            var authentic = key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            Console.WriteLine(authentic);
            {|CMP4008:Assembly.Load(image)|};
        }
        """);

    [Fact]
    public Task A_bool_combining_a_null_check_and_the_verifier_guards_the_sink() => Check($$"""
        async Task Apply(HttpClient http, ECDsa key, byte[]? signature)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            bool valid = signature != null && key.VerifyData(image, signature, HashAlgorithmName.SHA256);
            if (!valid)
                return;
            Assembly.Load(image);
        }
        """);

    [Fact]
    public Task A_bool_changed_through_an_out_argument_or_a_lambda_says_nothing() => Check($$"""
        async Task OutArgument(HttpClient http)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            bool ok = false;
            Parse(image, out ok);
            if (ok)
                {|CMP4008:Assembly.Load(image)|};
        }

        async Task Lambda(HttpClient http)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            bool ok = false;
            Action accept = () => ok = true;
            accept();
            if (ok)
                {|CMP4008:Assembly.Load(image)|};
        }

        static void Parse(byte[] image, out bool ok) => ok = image.Length > 4;
        """);

    [Fact]
    public Task A_verification_in_a_loop_guards_each_download() => Check("""
        async Task Apply(HttpClient http, RSA key, IEnumerable<string> urls)
        {
            foreach (var url in urls)
            {
                var image = await http.GetByteArrayAsync(url);
                var signature = await http.GetByteArrayAsync(url + ".sig");
                if (!key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                    continue;
                Assembly.Load(image);
            }
        }
        """);

    [Fact]
    public Task A_verification_that_throws_inside_try_guards_the_sink_when_the_catch_leaves() => Check($$"""
        async Task Apply(HttpClient http, RSA key, byte[] signature)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            try
            {
                if (!key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                    throw new InvalidDataException("signature");
            }
            catch (CryptographicException)
            {
                return;
            }

            Assembly.Load(image);
        }
        """);

    [Fact]
    public Task A_catch_that_swallows_the_failed_verification_reaches_the_sink() => Check($$"""
        async Task Apply(HttpClient http, RSA key, byte[] signature)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            try
            {
                if (!key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                    throw new InvalidDataException("signature");
            }
            catch (Exception error)
            {
                Console.WriteLine(error.Message);
            }

            {|CMP4008:Assembly.Load(image)|};
        }
        """);

    [Fact]
    public Task Package_verifiers_count_signed_cms_cose_and_bouncy_castle() => Check(
        """
        void Cms(WebClient web, byte[] signature)
        {
            var image = web.DownloadData("https://updates.example.com/app.dll");
            var cms = new System.Security.Cryptography.Pkcs.SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(image), detached: true);
            cms.Decode(signature);
            cms.CheckSignature(verifySignatureOnly: true);
            Assembly.Load(image);
        }

        void Cose(WebClient web, ECDsa key)
        {
            var message = System.Security.Cryptography.Cose.CoseMessage.DecodeSign1(web.DownloadData("https://updates.example.com/app.cose"));
            if (!message.VerifyEmbedded(key))
                return;
            Assembly.Load(message.Content!.Value.ToArray());
        }

        void Bouncy(WebClient web, Org.BouncyCastle.Crypto.ISigner signer, byte[] signature)
        {
            var image = web.DownloadData("https://updates.example.com/app.dll");
            signer.BlockUpdate(image, 0, image.Length);
            if (!signer.VerifySignature(signature))
                return;
            Assembly.Load(image);
        }
        """,
        Stubs.Get("Update"));

    [Fact]
    public Task The_projects_own_signature_helpers_count_by_name() => Check($$"""
        async Task Gated(HttpClient http)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            if (!OtaCrypto.VerifySignature(image))
                return;
            Assembly.Load(image);
        }

        async Task Throwing(HttpClient http)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            OtaCrypto.CheckSignatureOrThrow(image);
            Assembly.Load(image);
        }

        async Task Ignored(HttpClient http)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            OtaCrypto.VerifySignature(image);
            {|CMP4008:Assembly.Load(image)|};
        }

        static class OtaCrypto
        {
            public static bool VerifySignature(byte[] image) => image.Length > 0;

            public static void CheckSignatureOrThrow(byte[] image) { }
        }
        """);

    // ---- verification that does not count

    [Fact]
    public Task Verification_on_one_branch_only_is_reported() => Check($$"""
        async Task Apply(HttpClient http, RSA key, byte[] signature, bool strict)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            if (strict)
            {
                if (!key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                    return;
            }

            {|CMP4008:Assembly.Load(image)|};
        }
        """);

    [Fact]
    public Task A_verifier_whose_result_is_ignored_is_reported() => Check($$"""
        async Task Apply(HttpClient http, RSA key, byte[] signature)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
            {|CMP4008:Assembly.Load(image)|};
        }
        """);

    [Fact]
    public Task Verifying_other_data_is_reported() => Check($$"""
        async Task Apply(HttpClient http, RSA key)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            var manifest = await http.GetByteArrayAsync("https://updates.example.com/manifest.json");
            var signature = await http.GetByteArrayAsync("https://updates.example.com/manifest.sig");
            if (!key.VerifyData(manifest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                return;
            {|CMP4008:Assembly.Load(image)|};
        }
        """);

    [Fact]
    public Task A_sha256_comparison_is_integrity_not_authenticity() => Check("""
        async Task Apply(HttpClient http, string expectedHex)
        {
            var image = await http.GetByteArrayAsync("https://updates.example.com/app.pe");
            if (!SHA256.HashData(image).AsSpan().SequenceEqual(Convert.FromHexString(expectedHex)))
                return;
            if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(image), Convert.FromHexString(expectedHex)))
                return;
            {|CMP4008:File.WriteAllBytes("I:\\app.pe", image)|};
        }
        """);

    [Fact]
    public Task Data_downloaded_again_after_the_verification_is_reported() => Check($$"""
        async Task Apply(HttpClient http, RSA key, byte[] signature)
        {
            var image = await http.GetByteArrayAsync({{Url}});
            if (!key.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                return;
            Assembly.Load(image);
            image = await http.GetByteArrayAsync("https://updates.example.com/plugin.pe");
            {|CMP4008:Assembly.Load(image)|};
        }
        """);
}
