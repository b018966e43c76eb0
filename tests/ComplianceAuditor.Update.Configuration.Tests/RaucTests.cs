using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class RaucTests
{
    public static TheoryData<string> CorpusConfigs =>
        ["test.conf", "test-custom.conf", "test-datadir.conf", "test-dummy-handler.conf", "test-global.conf", "test-install-same-false.conf"];

    [SharedTheory("corpus/rauc/test")]
    [MemberData(nameof(CorpusConfigs))]
    public void Every_corpus_system_conf_has_a_keyring_ab_slots_and_no_downgrade_protection(string name)
    {
        var relative = "rauc/test/" + name;
        var rauc = Scan.Single(new InMemoryFileView().Add("/etc/rauc/system.conf", Corpus.Text(relative)), UpdateFrameworkNames.Rauc);

        Assert.Equal(Enforcement.Enforced, rauc.SignatureEnforcement.State);
        Assert.Equal(["/etc/rauc/openssl-ca/dev-ca.pem"], rauc.TrustedKeyPaths);
        Assert.False(rauc.TrustedKeysPresent);
        Assert.Equal(Enforcement.NotEnforced, rauc.DowngradeProtection.State);
        Assert.Contains("min-bundle-version", rauc.DowngradeProtection.Reason, StringComparison.Ordinal);
        Assert.Equal(Presence.Present, rauc.Redundancy.State);
        Assert.Contains("rootfs.0", rauc.Redundancy.Reason, StringComparison.Ordinal);
        Assert.Contains(rauc.Weaknesses, w => w.Code == "rauc-plain-bundles-allowed");
        Assert.DoesNotContain(rauc.Weaknesses, w => w.Code == "rauc-crl-not-checked");
        Assert.Equal(Presence.Absent, rauc.AutomaticChecks.State);
    }

    [SharedFact("corpus/rauc/test/openssl-ca/dev-ca.pem")]
    public void The_corpus_keyring_is_found_relative_to_system_conf_and_recognised_as_the_published_test_ca()
    {
        var view = new InMemoryFileView()
            .Add("/etc/rauc/system.conf", Corpus.Text("rauc/test/test.conf"))
            .Add("/etc/rauc/openssl-ca/dev-ca.pem", Corpus.Bytes("rauc/test/openssl-ca/dev-ca.pem"));

        var rauc = Scan.Single(view, UpdateFrameworkNames.Rauc);

        Assert.True(rauc.TrustedKeysPresent);
        // dev-ca.pem bundles several certificates of RAUC's test PKI; each is a published key.
        var weaknesses = rauc.Weaknesses.Where(w => w.Code == "trusted-key-is-published-test-key").ToList();
        Assert.NotEmpty(weaknesses);
        Assert.All(weaknesses, w => Assert.Contains("rauc/rauc", w.Description, StringComparison.Ordinal));
        Assert.Contains(rauc.Facts, f => f.Name == "bootloader" && f.Value == "grub");
    }

    [Fact]
    public void A_hardened_configuration_has_no_weakness_and_refuses_downgrades()
    {
        var view = new InMemoryFileView()
            .Add("/usr/bin/rauc", Scan.Elf)
            .Add("/etc/rauc/system.conf", """
                [system]
                compatible=Product
                bootloader=uboot
                bundle-formats=-plain
                min-bundle-version=2.0.0
                [keyring]
                path=/etc/rauc/keyring.pem
                check-crl=true
                [slot.rootfs.0]
                device=/dev/mmcblk0p2
                bootname=A
                [slot.rootfs.1]
                device=/dev/mmcblk0p3
                bootname=B
                """)
            .Add("/etc/rauc/keyring.pem", FreshCertificatePem())
            .Add("/etc/cron.d/update", "0 3 * * * root rauc install https://updates.example.com/latest.raucb\n");

        var rauc = Scan.Single(view, UpdateFrameworkNames.Rauc);

        Assert.Equal(Enforcement.Enforced, rauc.DowngradeProtection.State);
        Assert.True(rauc.TrustedKeysPresent);
        Assert.Empty(rauc.Weaknesses);
        Assert.Equal(Presence.Present, rauc.AutomaticChecks.State);
        Assert.Contains("/etc/cron.d/update:1", rauc.AutomaticChecks.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weak_configuration_names_each_weakness_and_a_single_slot_has_no_redundancy()
    {
        var view = new InMemoryFileView().Add("/etc/rauc/system.conf", """
            [system]
            bundle-formats=plain verity
            [keyring]
            directory=/etc/rauc/certs
            allow-partial-chain=true
            use-bundle-signing-time=true
            check-purpose=any
            [slot.rootfs.0]
            device=/dev/sda2
            bootname=system0
            """);

        var rauc = Scan.Single(view, UpdateFrameworkNames.Rauc);

        Assert.Equal(
            ["rauc-allow-partial-chain", "rauc-any-certificate-purpose", "rauc-crl-not-checked", "rauc-plain-bundles-allowed", "rauc-signing-time-used", "trusted-key-file-missing"],
            rauc.Weaknesses.Select(w => w.Code).Order(StringComparer.Ordinal));
        Assert.Equal(Presence.Absent, rauc.Redundancy.State);
    }

    [Fact]
    public void Without_a_keyring_the_signature_source_is_unknown_and_named()
    {
        var rauc = Scan.Single(new InMemoryFileView().Add("/etc/rauc/system.conf", "[system]\ncompatible=x\n"), UpdateFrameworkNames.Rauc);

        Assert.Equal(Enforcement.Unknown, rauc.SignatureEnforcement.State);
        Assert.Contains(rauc.Weaknesses, w => w.Code == "rauc-no-keyring");
        Assert.Equal(Presence.Absent, rauc.Redundancy.State);
    }

    [Fact]
    public void A_hawkbit_client_takes_rauc_s_verdicts_and_flags_plain_http()
    {
        var view = new InMemoryFileView()
            .Add("/etc/rauc/system.conf", "[system]\nmin-bundle-version=1.0\n[keyring]\npath=ca.pem\n")
            .Add("/etc/rauc/ca.pem", FreshCertificatePem())
            .Add("/etc/rauc-hawkbit-updater/config.conf", "[client]\nhawkbit_server = 10.0.0.1:8080\nssl = false\nssl_verify = false\n");

        var result = Scan.Run(view);

        var hawkbit = Assert.Single(result.Findings, f => f.Name == UpdateFrameworkNames.HawkBit);
        Assert.Equal(Enforcement.Enforced, hawkbit.SignatureEnforcement.State);
        Assert.Equal(Enforcement.Enforced, hawkbit.DowngradeProtection.State);
        var issue = Assert.Single(hawkbit.TransportIssues);
        Assert.Equal((TransportIssueKind.PlainHttp, 3, TransportSeverity.Warning), (issue.Kind, issue.Location.Line, issue.Severity));
        Assert.Equal(Presence.Present, Assert.Single(result.Findings, f => f.Name == UpdateFrameworkNames.Rauc).AutomaticChecks.State);
    }

    private static string FreshCertificatePem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test Update CA", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem();
    }
}
