using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// CMP2049 (a Linux root has an update mechanism), CMP2050 (it enforces signatures) and CMP2051 (it refuses older
/// releases), on small root file systems holding the files each detector reads.
/// </summary>
public sealed class UpdateMechanismRuleTests
{
    private const string SwUpdateWithKey = """
        globals :
        {
            public-key-file = "/etc/swupdate/public.pem";
        };
        """;

    private static string RaucConf(string extra) => $"""
        [system]
        compatible=Rule Test Board
        bootloader=uboot
        {extra}

        [keyring]
        path=/etc/rauc/ca.cert.pem
        check-crl=true

        [slot.rootfs.0]
        device=/dev/mmcblk0p2
        bootname=A

        [slot.rootfs.1]
        device=/dev/mmcblk0p3
        bootname=B
        """;

    [Fact]
    public async Task A_Linux_root_without_any_update_mechanism_fails_CMP2049()
    {
        using var root = new LinuxRoot().Add("/etc/hostname", "device\n").Add("/bin/busybox", LinuxRoot.Program);

        var result = await root.JudgeAsync("CMP2049");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("none of SWUpdate, RAUC, Mender", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("/etc/passwd", Assert.Single(result.Evidence).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Linux_root_with_SWUpdate_passes_CMP2049_naming_it()
    {
        using var root = new LinuxRoot().SwUpdate(SwUpdateWithKey);

        var result = await root.JudgeAsync("CMP2049");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("SWUpdate", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_is_no_Linux_root_is_not_applicable_to_CMP2049()
    {
        // Passing is impossible by construction here: without /etc/passwd, /sbin/init or /etc/inittab it is no device root.
        using var root = new LinuxRoot(withPasswd: false).Add("/data/readme.txt", "notes\n");

        var result = await root.JudgeAsync("CMP2049");

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("no Linux-class root file system", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opkg_without_check_signature_fails_CMP2050_and_with_it_passes()
    {
        const string Feeds = "src/gz core https://downloads.example.org/packages/core\ndest root /\n";
        using var unsigned = new LinuxRoot().Add("/bin/opkg", LinuxRoot.Program).Add("/etc/opkg.conf", Feeds);
        using var signed = new LinuxRoot().Add("/bin/opkg", LinuxRoot.Program).Add("/etc/opkg.conf", Feeds + "option check_signature\n")
            .Add("/etc/opkg/keys/b5043e70f9a75cde", "untrusted comment: feed key\nRWS1BD5w+adc3rH1\n");

        var off = await unsigned.JudgeAsync("CMP2050");
        var on = await signed.JudgeAsync("CMP2050");

        Assert.Equal(Outcome.Fail, off.Outcome);
        Assert.Contains("opkg in ", off.Reason, StringComparison.Ordinal);
        Assert.Contains("no 'option check_signature'", off.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, on.Outcome);
        Assert.Contains("option check_signature", on.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SWUpdate_without_a_public_key_fails_CMP2050_and_with_one_passes()
    {
        using var unsigned = new LinuxRoot().SwUpdate("globals :\n{\n    verbose = true;\n};\n");
        using var signed = new LinuxRoot().SwUpdate(SwUpdateWithKey).Add("/etc/swupdate/public.pem", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n");

        var off = await unsigned.JudgeAsync("CMP2050");
        var on = await signed.JudgeAsync("CMP2050");

        Assert.Equal(Outcome.Fail, off.Outcome);
        Assert.Contains("no public key is configured", off.Reason, StringComparison.Ordinal);
        Assert.EndsWith("/etc/swupdate.cfg", Assert.Single(off.Evidence).Path, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, on.Outcome);
        Assert.Contains("/etc/swupdate/public.pem", on.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mender_without_ArtifactVerifyKey_fails_CMP2050()
    {
        using var root = new LinuxRoot().Add("/usr/bin/mender", LinuxRoot.Program)
            .Add("/etc/mender/mender.conf", """{ "ServerURL": "https://hosted.mender.io", "RootfsPartA": "/dev/mmcblk0p2", "RootfsPartB": "/dev/mmcblk0p3" }""");

        var result = await root.JudgeAsync("CMP2050");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("no ArtifactVerifyKey", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RAUC_without_min_bundle_version_fails_CMP2051_and_with_it_passes()
    {
        using var open = new LinuxRoot().Rauc(RaucConf(string.Empty));
        using var guarded = new LinuxRoot().Rauc(RaucConf("min-bundle-version=2024.05"));

        var off = await open.JudgeAsync("CMP2051");
        var on = await guarded.JudgeAsync("CMP2051");

        Assert.Equal(Outcome.Fail, off.Outcome);
        Assert.Contains("no min-bundle-version in /etc/rauc/system.conf", off.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, on.Outcome);
        Assert.Contains("min-bundle-version=2024.05", on.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SWUpdate_with_no_downgrading_passes_CMP2051_and_without_it_fails()
    {
        using var guarded = new LinuxRoot().SwUpdate(SwUpdateWithKey.Replace("};", "    no-downgrading = \"4.2\";\n};", StringComparison.Ordinal));
        using var open = new LinuxRoot().SwUpdate(SwUpdateWithKey);

        var on = await guarded.JudgeAsync("CMP2051");
        var off = await open.JudgeAsync("CMP2051");

        Assert.Equal(Outcome.Pass, on.Outcome);
        Assert.Contains("4.2", on.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, off.Outcome);
        Assert.Contains("no no-downgrading setting", off.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_update_mechanism_CMP2050_and_CMP2051_are_not_applicable()
    {
        using var root = new LinuxRoot();

        var results = await root.AuditAsync("CMP2050", "CMP2051");

        Assert.All(results, r => Assert.Equal(Outcome.NotApplicable, r.Outcome));
    }
}
