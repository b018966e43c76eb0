using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Secrets.Tests;

/// <summary>
/// The crypto-material rules over the KeyMaterial fixtures (throwaway keys made by their make-fixtures.sh), placed
/// in a root file system: CMP2005 private keys, CMP2025 weak keys, CMP2026 certificate problems, CMP2027 test keys.
/// </summary>
public sealed class CryptoMaterialRuleTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(SecretsAudit.KeyFixtures, name));

    [Theory]
    [InlineData("rsa2048-pkcs8.pem", Outcome.Fail)]
    [InlineData("ec-p256-sec1.der", Outcome.Fail)]
    [InlineData("ed25519-openssh", Outcome.Fail)]
    [InlineData("pkcs12-empty-password.p12", Outcome.Fail)]
    [InlineData("embedded-in-binary.bin", Outcome.Fail)]
    [InlineData("rsa2048-spki.pem", Outcome.Pass)]
    [InlineData("ca.pem", Outcome.Pass)]
    [InlineData("marker-constants.bin", Outcome.Pass)]
    [InlineData("pem-garbage-body.pem", Outcome.Pass)]
    public async Task Private_keys_fail_and_public_material_and_lookalikes_pass(string fixture, Outcome expected)
    {
        using var root = new TempDirectory();
        root.Write("etc/keys/" + fixture, Fixture(fixture));

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2005")).On("CMP2005", "etc/keys/" + fixture);

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task Evidence_names_the_key_and_its_public_fingerprint_but_never_its_bytes()
    {
        using var root = new TempDirectory();
        var pem = Fixture("rsa2048-pkcs8.pem");
        root.Write("etc/ssl/private/device.key", pem);

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2005")).On("CMP2005", "etc/ssl/private/device.key");

        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(0, evidence.ByteOffset);
        Assert.Contains("RSA-2048 private key", evidence.Excerpt, StringComparison.Ordinal);
        Assert.Contains("SPKI SHA-256", evidence.Excerpt, StringComparison.Ordinal);
        var body = System.Text.Encoding.ASCII.GetString(pem).Split('\n')[1];
        Assert.DoesNotContain(body[..20], evidence.Excerpt + evidence.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_key_whose_public_half_verifies_updates_is_called_an_update_signing_key()
    {
        using var root = new TempDirectory();
        root.Write("opt/build/signing.key", Fixture("rsa2048-pkcs8.pem"));
        root.Write("etc/swupdate/public.pem", Fixture("rsa2048-spki.pem"));

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2005")).On("CMP2005", "opt/build/signing.key");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("update-verification key", result.Reason, StringComparison.Ordinal);
        Assert.Contains("etc/swupdate/public.pem", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rsa2048-pkcs8.pem", 600)]
    [InlineData("rsa2048-pkcs8.der", 10)]
    public async Task A_key_across_the_seam_of_two_scan_chunks_is_found_once(string fixture, int before)
    {
        // The DER case puts the seam just after the start of the PKCS#8 wrapper, so the PKCS#1 key nested in it lies in
        // the second chunk, whose scan does not see the wrapper: it must still not count as a key of its own.
        using var root = new TempDirectory();
        var key = Fixture(fixture);
        var image = new byte[3 << 20];
        new Random(11).NextBytes(image);
        var offset = Scanning.SecretBytes.FirstSeam - before;
        key.CopyTo(image, offset);
        root.Write("firmware/flash.bin", image);

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2005")).On("CMP2005", "firmware/flash.bin");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(offset, Assert.Single(result.Evidence).ByteOffset);
    }

    [Fact]
    public void A_certificate_across_the_seam_is_one_item_though_its_key_lies_beyond_the_next_chunk_s_context()
    {
        using var root = new TempDirectory();
        var certificate = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "long-subject.der"));
        var image = new byte[2 << 20];
        var offset = Scanning.SecretBytes.FirstSeam - 200;
        certificate.CopyTo(image, offset);
        var path = root.Write("firmware/flash.bin", image);
        var artifact = new Artifact
        {
            Path = "t/firmware/flash.bin", Target = "t", RelativePath = "firmware/flash.bin", Kind = ArtifactKind.Binary,
            Size = image.Length, Content = new FileOnDisk(path),
        };

        var scan = Scanning.SecretBytes.Read(artifact, long.MaxValue, CancellationToken.None);

        var item = Assert.Single(scan.Keys);
        Assert.Equal(offset, item.Offset);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_private_key_other_users_can_read_fails_and_one_kept_to_its_owner_passes()
    {
        using var root = new TempDirectory();
        var open = root.Write("etc/ssl/private/open.key", Fixture("rsa2048-pkcs8.pem"));
        var closed = root.Write("etc/ssl/private/closed.key", Fixture("rsa2048-pkcs8.pem"));
        File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var results = await SecretsAudit.RunAsync(root.Path, "CMP2029");

        var readable = results.On("CMP2029", "etc/ssl/private/open.key");
        Assert.Equal(Outcome.Fail, readable.Outcome);
        Assert.Contains("every user can read", readable.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, results.On("CMP2029", "etc/ssl/private/closed.key").Outcome);
    }

    [Fact]
    public async Task Keys_inside_a_crypto_library_are_set_aside_as_self_test_vectors()
    {
        using var root = new TempDirectory();
        root.Write("usr/lib/libgnutls.so.30", [0x7f, (byte)'E', (byte)'L', (byte)'F', .. new byte[60], .. Fixture("ec-p256-sec1.der")]);

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2005")).On("CMP2005", "usr/lib/libgnutls.so.30");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("self-test", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rsa1024-pkcs1.pem", Outcome.Fail)]
    [InlineData("ec-p192-spki.der", Outcome.Fail)]
    [InlineData("cert-sha1.pem", Outcome.Fail)]
    [InlineData("rsa2048-spki.pem", Outcome.Pass)]
    [InlineData("ed25519-pkcs8.pem", Outcome.Pass)]
    public async Task Short_keys_and_sha1_certificates_are_weak(string fixture, Outcome expected)
    {
        using var root = new TempDirectory();
        root.Write("etc/" + fixture, Fixture(fixture));

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2025")).On("CMP2025", "etc/" + fixture);

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task A_root_s_sha1_signature_on_itself_is_not_a_weakness()
    {
        using var root = new TempDirectory();
        root.Write("etc/ssl/certs/old-root.pem", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "root-sha1-selfsigned.pem")));

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2025")).On("CMP2025", "etc/ssl/certs/old-root.pem");

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task An_expired_certificate_fails_but_not_in_a_trust_store()
    {
        using var root = new TempDirectory();
        root.Write("etc/lighttpd/server.pem", Fixture("cert-selfsigned-expired.pem"));
        root.Write("etc/ssl/certs/old-root.pem", Fixture("cert-selfsigned-expired.pem"));

        var results = await SecretsAudit.RunAsync(root.Path, "CMP2026");

        var identity = results.On("CMP2026", "etc/lighttpd/server.pem");
        Assert.Equal(Outcome.Fail, identity.Outcome);
        Assert.Contains("expired on 2021-01-01", identity.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, results.On("CMP2026", "etc/ssl/certs/old-root.pem").Outcome);
    }

    [Fact]
    public async Task A_self_signed_tls_server_certificate_is_an_identity_nobody_can_check()
    {
        using var root = new TempDirectory();
        root.Write("etc/uhttpd.crt", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "server-selfsigned.pem")));

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2026")).On("CMP2026", "etc/uhttpd.crt");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("self-signed", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiry_is_judged_at_the_audit_s_reference_time()
    {
        using var root = new TempDirectory();
        root.Write("etc/ca.pem", Fixture("ca.pem"));
        var farFuture = new EngineOptions { ReferenceTime = new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        var now = (await SecretsAudit.RunAsync(root.Path, "CMP2026")).On("CMP2026", "etc/ca.pem");
        var later = (await SecretsAudit.RunAsync(root.Path, farFuture, "CMP2026")).On("CMP2026", "etc/ca.pem");

        Assert.Equal(Outcome.Pass, now.Outcome);
        Assert.Equal(Outcome.Fail, later.Outcome);
    }

    [SharedFact("corpus/mcuboot/root-rsa-2048.pem")]
    public async Task MCUboot_s_published_root_key_is_a_known_test_key_and_our_own_key_is_not()
    {
        using var root = new TempDirectory();
        root.Write("boot/signing.pem", File.ReadAllBytes(Path.Combine(RepositoryPaths.Shared, "corpus", "mcuboot", "root-rsa-2048.pem")));
        root.Write("boot/own.pem", Fixture("rsa2048-spki.pem"));

        var results = await SecretsAudit.RunAsync(root.Path, "CMP2027");

        var known = results.On("CMP2027", "boot/signing.pem");
        Assert.Equal(Outcome.Fail, known.Outcome);
        Assert.Contains("mcuboot", known.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Outcome.Pass, results.On("CMP2027", "boot/own.pem").Outcome);
    }

    [SharedFact("corpus/mcuboot/root-rsa-2048.pem")]
    public async Task A_bootloader_that_embeds_mcuboot_s_test_keys_as_der_is_caught()
    {
        // MCUboot compiles the public key into the bootloader as PKCS#1 RSAPublicKey DER (RSA) or SubjectPublicKeyInfo
        // DER (EC); both are found among the bootloader's other bytes and matched by public-key fingerprint.
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "corpus", "mcuboot", "root-rsa-2048.pem")));
        using var ec = System.Security.Cryptography.ECDsa.Create();
        ec.ImportFromPem(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "corpus", "mcuboot", "root-ec-p256.pem")));
        var filler = new byte[4096];
        new Random(3).NextBytes(filler);
        using var root = new TempDirectory();
        root.Write("boot/mcuboot-rsa.bin", [.. filler, .. rsa.ExportRSAPublicKey(), .. filler]);
        root.Write("boot/mcuboot-ec.bin", [.. filler, .. ec.ExportSubjectPublicKeyInfo(), .. filler]);

        var results = await SecretsAudit.RunAsync(root.Path, "CMP2027");

        Assert.Equal(Outcome.Fail, results.On("CMP2027", "boot/mcuboot-rsa.bin").Outcome);
        Assert.Equal(4096, Assert.Single(results.On("CMP2027", "boot/mcuboot-rsa.bin").Evidence).ByteOffset);
        Assert.Equal(Outcome.Fail, results.On("CMP2027", "boot/mcuboot-ec.bin").Outcome);
    }

    private sealed class FileOnDisk(string path) : IArtifactContent
    {
        public Stream OpenRead() => File.OpenRead(path);
    }
}
