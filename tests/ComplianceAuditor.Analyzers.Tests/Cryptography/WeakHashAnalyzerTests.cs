using ComplianceAuditor.Analyzers.Cryptography;
using ComplianceAuditor.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Cryptography;

// MD5CryptoServiceProvider, SHA1Managed and HashAlgorithm.Create(string) are [Obsolete] in net10 (SYSLIB0021,
// SYSLIB0045): compiler warnings, which the harness ignores.
public sealed class WeakHashAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Security.Cryptography.X509Certificates;
        using System.Text;

        """;

    private static DiagnosticResult Expected(int location, string algorithm, string purpose) =>
        new DiagnosticResult(DiagnosticIds.WeakHashForIntegrity, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(algorithm, purpose);

    [Fact]
    public Task Md5_and_sha1_named_as_the_hash_of_a_signature_are_always_reported() =>
        Verify<WeakHashAnalyzer>.DiagnosticsAsync(Usings + """
            class Signer
            {
                byte[] Sign(RSA rsa, ECDsa ecdsa, DSA dsa, byte[] data, byte[] digest, byte[] signature)
                {
                    var first = rsa.SignData(data, {|#0:HashAlgorithmName.SHA1|}, RSASignaturePadding.Pkcs1);
                    var ok = rsa.VerifyData(data, signature, {|#1:HashAlgorithmName.MD5|}, RSASignaturePadding.Pss)
                        && ecdsa.VerifyData(data, signature, {|#2:new HashAlgorithmName("SHA1")|})
                        && dsa.VerifyData(data, signature, HashAlgorithmName.SHA256)
                        && rsa.VerifyHash(digest, signature, {|#3:HashAlgorithmName.SHA1|}, RSASignaturePadding.Pkcs1);
                    var algorithm = HashAlgorithmName.MD5;
                    var second = ecdsa.SignData(data, {|#4:algorithm|});
                    return ok ? first.Concat(second).ToArray() : rsa.SignHash(digest, {|#5:HashAlgorithmName.SHA1|}, RSASignaturePadding.Pkcs1);
                }

                byte[] Legacy(RSACryptoServiceProvider rsa, byte[] data, byte[] hash)
                {
                    var formatter = new RSAPKCS1SignatureFormatter(rsa);
                    formatter.SetHashAlgorithm({|#6:"SHA1"|});
                    var deformatter = new RSAPKCS1SignatureDeformatter(rsa);
                    deformatter.SetHashAlgorithm({|#7:"MD5"|});
                    var oid = rsa.SignHash(hash, {|#8:CryptoConfig.MapNameToOID("SHA1")|});
                    return deformatter.VerifySignature(hash, oid) ? rsa.SignData(data, {|#9:"SHA1"|}) : formatter.CreateSignature(hash);
                }

                CertificateRequest Request(RSA key) =>
                    new CertificateRequest("CN=device", key, {|#10:HashAlgorithmName.SHA1|}, RSASignaturePadding.Pkcs1);
            }
            """, [], null,
            Expected(0, "SHA-1", "sign data"),
            Expected(1, "MD5", "verify a signature"),
            Expected(2, "SHA-1", "verify a signature"),
            Expected(3, "SHA-1", "verify a signature"),
            Expected(4, "MD5", "sign data"),
            Expected(5, "SHA-1", "sign data"),
            Expected(6, "SHA-1", "sign data"),
            Expected(7, "MD5", "verify a signature"),
            Expected(8, "SHA-1", "sign data"),
            Expected(9, "SHA-1", "sign data"),
            Expected(10, "SHA-1", "sign a certificate"));

    [Fact]
    public Task A_digest_compared_with_an_expected_value_is_reported_at_its_creation() =>
        Verify<WeakHashAnalyzer>.DiagnosticsAsync(Usings + """
            class Receiver
            {
                bool A(Stream payload, byte[] expected)
                {
                    using var md5 = {|#0:MD5.Create()|};
                    var actual = md5.ComputeHash(payload);
                    return actual.SequenceEqual(expected);
                }

                bool B(byte[] payload, byte[] expected) =>
                    CryptographicOperations.FixedTimeEquals({|#1:SHA1.HashData(payload)|}, expected);

                bool C(byte[] payload, string expectedHex) =>
                    Convert.ToHexString({|#2:MD5.HashData(payload)|}).Equals(expectedHex, StringComparison.OrdinalIgnoreCase);

                bool D(byte[] payload, string expected)
                {
                    var hex = BitConverter.ToString({|#3:new MD5CryptoServiceProvider()|}.ComputeHash(payload)).Replace("-", "");
                    return hex == expected;
                }

                bool E(byte[] payload, byte[] expected)
                {
                    using var hash = {|#4:IncrementalHash.CreateHash(HashAlgorithmName.SHA1)|};
                    hash.AppendData(payload);
                    return expected.SequenceEqual(hash.GetHashAndReset());
                }

                bool F(byte[] payload, byte[] expected)
                {
                    var sha = {|#5:new SHA1Managed()|};
                    sha.TransformFinalBlock(payload, 0, payload.Length);
                    return sha.Hash!.SequenceEqual(expected);
                }

                bool G(byte[] payload, byte[] expected)
                {
                    var algorithm = {|#6:HashAlgorithm.Create("MD5")|}!;
                    return algorithm.ComputeHash(payload).SequenceEqual(expected);
                }
            }

            class Client
            {
                private readonly MD5 hasher = {|#7:MD5.Create()|};
                private string last = "";

                bool Matches(byte[] payload, byte[] expected) => this.hasher.ComputeHash(payload).SequenceEqual(expected);

                void Remember(byte[] payload) => last = Convert.ToBase64String({|#8:SHA1.HashData(payload)|});

                bool Same(string other) => last == other;
            }
            """, [], null,
            Expected(0, "MD5", "check data against an expected digest"),
            Expected(1, "SHA-1", "check data against an expected digest"),
            Expected(2, "MD5", "check data against an expected digest"),
            Expected(3, "MD5", "check data against an expected digest"),
            Expected(4, "SHA-1", "check data against an expected digest"),
            Expected(5, "SHA-1", "check data against an expected digest"),
            Expected(6, "MD5", "check data against an expected digest"),
            Expected(7, "MD5", "check data against an expected digest"),
            Expected(8, "SHA-1", "check data against an expected digest"));

    [Fact]
    public Task A_digest_that_reaches_a_signature_api_is_reported_as_a_signature() =>
        Verify<WeakHashAnalyzer>.DiagnosticsAsync(Usings + """
            class Verifier
            {
                bool Check(ECDsa key, RSACryptoServiceProvider rsa, byte[] data, byte[] signature)
                {
                    var digest = {|#0:SHA1.HashData(data)|};
                    return key.VerifyHash(digest, signature) && rsa.VerifyData(data, {|#1:SHA1.Create()|}, signature);
                }
            }
            """, [], null,
            Expected(0, "SHA-1", "verify a signature"),
            Expected(1, "SHA-1", "verify a signature"));

    [Fact]
    public Task Names_that_speak_of_integrity_firmware_downloads_or_manifests_are_reported() =>
        Verify<WeakHashAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                private byte[] manifestDigest = [];

                string Store(byte[] payload)
                {
                    var checksum = Convert.ToHexString({|#0:MD5.HashData(payload)|});
                    manifestDigest = {|#1:SHA1.HashData(payload)|};
                    return checksum;
                }

                byte[] VerifyFirmware(Stream image)
                {
                    using var md5 = {|#2:MD5.Create()|};
                    return md5.ComputeHash(image);
                }

                byte[] Digest(byte[] downloadedPackage) => {|#3:SHA1.HashData(downloadedPackage)|};
            }

            class FirmwareUpdater
            {
                byte[] Digest(byte[] data) => {|#4:MD5.HashData(data)|};
            }
            """, [], null,
            Expected(0, "MD5", "check data integrity"),
            Expected(1, "SHA-1", "check a manifest's integrity"),
            Expected(2, "MD5", "check data integrity"),
            Expected(3, "SHA-1", "check a download's integrity"),
            Expected(4, "MD5", "check a firmware image's integrity"));

    [Fact]
    public Task Md5_as_a_cache_key_etag_dictionary_key_file_name_or_id_is_not_reported() =>
        Verify<WeakHashAnalyzer>.DiagnosticsAsync(Usings + """
            class FirmwareUpdater
            {
                private readonly Dictionary<string, byte[]> images = new();
                private readonly Dictionary<byte[], string> seen = new();

                string CacheKey(string url) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(url)));

                string Etag(byte[] body)
                {
                    var etag = "\"" + Convert.ToBase64String(SHA1.HashData(body)) + "\"";
                    return etag;
                }

                bool NotModified(byte[] body, string ifNoneMatch)
                {
                    var currentEtag = Convert.ToHexString(MD5.HashData(body));
                    return currentEtag == ifNoneMatch;
                }

                void Remember(byte[] image)
                {
                    var hex = Convert.ToHexString(MD5.HashData(image));
                    images[hex] = image;
                    seen.TryAdd(SHA1.HashData(image), "x");
                }

                string Store(string folder, byte[] image)
                {
                    var fileName = Convert.ToHexString(SHA1.HashData(image)) + ".bin";
                    return Path.Combine(folder, fileName);
                }

                int Partition(byte[] record, int partitions) => MD5.HashData(record)[0] % partitions;

                Guid ContentId(byte[] update) => new Guid(MD5.HashData(update));
            }
            """);

    [Fact]
    public Task Hmacs_key_derivation_other_hashes_and_unexplained_uses_are_not_reported() =>
        Verify<WeakHashAnalyzer>.DiagnosticsAsync(Usings + """
            class Device
            {
                bool Authentic(byte[] key, byte[] message, byte[] tag)
                {
                    using var hmac = new HMACSHA1(key);
                    using var legacy = new HMACMD5(key);
                    using var incremental = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
                    incremental.AppendData(message);
                    return hmac.ComputeHash(message).SequenceEqual(tag) && legacy.ComputeHash(message).SequenceEqual(tag)
                        && incremental.GetHashAndReset().SequenceEqual(tag);
                }

                byte[] Derive(byte[] password, byte[] salt) =>
                    Rfc2898DeriveBytes.Pbkdf2(password, salt, 100_000, HashAlgorithmName.SHA1, 32);

                bool Strong(byte[] firmware, byte[] expected) => SHA256.HashData(firmware).SequenceEqual(expected);

                void Print(byte[] data) => Console.WriteLine(Convert.ToHexString(MD5.HashData(data)));

                bool Computed(byte[] data)
                {
                    var digest = SHA1.HashData(data);
                    return digest != null && !Equals(digest, null);
                }

                byte[] Sign(RSA rsa, byte[] data) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
            }
            """);

    [Fact]
    public Task The_closest_name_decides_a_cache_key_method_in_an_update_class_is_a_key() =>
        Verify<WeakHashAnalyzer>.DiagnosticsAsync(Usings + """
            class UpdateService
            {
                string GetCacheKey(byte[] manifest) => Convert.ToHexString(SHA1.HashData(manifest));

                bool IsKnown(byte[] manifest, string cachedHash) => Convert.ToHexString(SHA1.HashData(manifest)) == cachedHash;

                byte[] Hash(byte[] data) => {|#0:SHA1.HashData(data)|};
            }
            """, [], null,
            Expected(0, "SHA-1", "check a firmware image's integrity"));

    [Fact]
    public Task Without_the_cryptography_namespace_the_calls_are_still_found_by_name() =>
        Verify<WeakHashAnalyzer>.UnresolvedDiagnosticsAsync("""
            class Receiver
            {
                bool Check(System.IO.Stream payload, byte[] expected, object rsa, byte[] data, byte[] signature)
                {
                    var md5 = {|CMP4005:MD5.Create()|};
                    var actual = md5.ComputeHash(payload);
                    var signer = new CmsSigner();
                    signer.DigestAlgorithm = {|CMP4005:new Oid("1.3.14.3.2.26")|};
                    var key = (RSA)rsa;
                    return actual.SequenceEqual(expected)
                        && key.VerifyData(data, signature, {|CMP4005:HashAlgorithmName.SHA1|}, RSASignaturePadding.Pkcs1)
                        && {|CMP4005:SHA1.HashData(data)|}.SequenceEqual(expected);
                }

                string Key(byte[] data) => System.Convert.ToHexString(MD5.HashData(data));

                void Broken() { MD5.( ; HashAlgorithmName. ; SHA1.HashData(); }
            }
            """);
}
