using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.KeyMaterial.Catalog;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// CMP2055 (the trust anchors an updater is configured with) and CMP2056 (options that weaken its certificate and
/// signature checks), on RAUC, SWUpdate, opkg and apt roots.
/// </summary>
public sealed class TrustConfigurationRuleTests
{
    private static string RaucConf(string keyring, string system = "bundle-formats=-plain") => $"""
        [system]
        compatible=Rule Test Board
        bootloader=uboot
        {system}

        {keyring}

        [slot.rootfs.0]
        device=/dev/mmcblk0p2
        bootname=A

        [slot.rootfs.1]
        device=/dev/mmcblk0p3
        bootname=B
        """;

    /// <summary>A fresh self-signed CA certificate (PEM), the kind a product's RAUC keyring holds.</summary>
    private static string ProductCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Rule Test Update CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return certificate.ExportCertificatePem();
    }

    [Fact]
    public async Task RAUC_without_a_keyring_fails_CMP2055()
    {
        using var root = new LinuxRoot().Rauc(RaucConf(string.Empty));

        var result = await root.JudgeAsync("CMP2055");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("/etc/rauc/system.conf has no [keyring] path or directory", result.Reason, StringComparison.Ordinal);
        Assert.Equal("RAUC:rauc-no-keyring:/etc/rauc/system.conf has no [keyring] path or directory", result.EvidenceKey);
    }

    [Fact]
    public async Task A_keyring_file_the_image_does_not_hold_fails_CMP2055()
    {
        using var root = new LinuxRoot().Rauc(RaucConf("[keyring]\npath=ca.cert.pem\ncheck-crl=true"));

        var result = await root.JudgeAsync("CMP2055");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("names /etc/rauc/ca.cert.pem, which is not in the file system", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyring_holding_the_product_s_own_CA_passes_CMP2055()
    {
        using var root = new LinuxRoot().Rauc(RaucConf("[keyring]\npath=ca.cert.pem\ncheck-crl=true")).Add("/etc/rauc/ca.cert.pem", ProductCa());

        var result = await root.JudgeAsync("CMP2055");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("RAUC: none of trusted-key-is-published-test-key", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SWUpdate_trusting_a_published_test_key_fails_CMP2055_naming_where_it_was_published()
    {
        var (published, spki) = KnownTestKeys.PublicKeys.First(k => k.Key.Type == "RSA-2048");
        using var root = new LinuxRoot().SwUpdate("globals :\n{\n    public-key-file = \"/etc/swupdate/public.pem\";\n};\n")
            .Add("/etc/swupdate/public.pem", PemEncoding.WriteString("PUBLIC KEY", spki) + "\n");

        var result = await root.JudgeAsync("CMP2055");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("/etc/swupdate/public.pem is the published test key RSA-2048", result.Reason, StringComparison.Ordinal);
        Assert.Contains(published.Origins[0].Path, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opkg_checking_signatures_without_any_feed_key_fails_CMP2055()
    {
        using var root = new LinuxRoot().Add("/bin/opkg", LinuxRoot.Program)
            .Add("/etc/opkg.conf", "src/gz core https://downloads.example.org/core\noption check_signature\n");

        var result = await root.JudgeAsync("CMP2055");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("/etc/opkg/keys holds no usign key", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_RAUC_keyring_with_relaxed_checks_fails_CMP2056_for_each_option()
    {
        using var root = new LinuxRoot().Add("/etc/rauc/ca.cert.pem", ProductCa()).Rauc(RaucConf(
            "[keyring]\npath=ca.cert.pem\nallow-partial-chain=true\nuse-bundle-signing-time=true\ncheck-purpose=any", system: string.Empty));

        var result = await root.JudgeAsync("CMP2056");

        Assert.Equal(Outcome.Fail, result.Outcome);
        string[] codes = ["rauc-allow-partial-chain", "rauc-any-certificate-purpose", "rauc-crl-not-checked", "rauc-plain-bundles-allowed", "rauc-signing-time-used"];
        Assert.Equal(codes, result.Evidence.Select(e => e.Description!.Split(':')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_strict_RAUC_keyring_passes_CMP2056()
    {
        using var root = new LinuxRoot().Add("/etc/rauc/ca.cert.pem", ProductCa()).Rauc(RaucConf("[keyring]\npath=ca.cert.pem\ncheck-crl=true"));

        var result = await root.JudgeAsync("CMP2056");

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task Apt_accepting_expired_Release_files_fails_CMP2056()
    {
        using var root = new LinuxRoot().Add("/usr/bin/apt-get", LinuxRoot.Program)
            .Add("/etc/apt/sources.list", "deb https://deb.example.org/debian bookworm main\n")
            .Add("/etc/apt/apt.conf.d/10no-check-valid-until", "Acquire::Check-Valid-Until \"false\";\n");

        var result = await root.JudgeAsync("CMP2056");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("apt-check-valid-until-off", result.EvidenceKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_update_mechanism_the_trust_rules_are_not_applicable()
    {
        using var root = new LinuxRoot();

        var results = await root.AuditAsync("CMP2055", "CMP2056");

        Assert.All(results, r => Assert.Equal(Outcome.NotApplicable, r.Outcome));
    }
}
