using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Secrets.Tests;

/// <summary>
/// CMP2011 proves default passwords. The hashes below were made with Debian 12's libxcrypt through Python's crypt
/// module, e.g. <c>crypt.crypt('xc3511', '$1$Qw3rTy7u')</c>; the password of each is named next to it.
/// </summary>
public sealed class DefaultPasswordRuleTests
{
    /// <summary>MD5-crypt of "xc3511", Mirai's first root password.</summary>
    private const string MiraiMd5 = "$1$Qw3rTy7u$wCNW/LZtTbEU7iwT4cpO2/";

    /// <summary>SHA-512-crypt of a long random password that is in no list.</summary>
    private const string Strong = "$6$N0tInL1st$kpxpo/t9NyDmmDcEQgY37yZTFLyIJfcTdbhHa63q4/u.78yWQq2dZyx4KPSUVeqOl4y6M0muKbCGOneprDCa0/";

    /// <summary>SHA-512-crypt (explicit 5000 rounds) of "acmecam", the device's own host name in lower case.</summary>
    private const string HostName = "$6$rounds=5000$S4ltS4ltS4lt$Ipwr3ylaaD1ITsXTDS8SrUQveaHve/ya7a/sQP5lxCbRvyiuPUMmUh.VWtPGJTXHa6yJA9AVXpOKjVI1xWS3d1";

    [Fact]
    public async Task A_mirai_password_is_proven_and_the_password_is_redacted_by_default()
    {
        using var root = new TempDirectory();
        root.Write("etc/shadow", $"root:{MiraiMd5}:19700:0:99999:7:::\ndaemon:*:0:0:99999:7:::\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2011")).On("CMP2011", "etc/shadow");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("account 'root' has the password of mirai-2016 #1", result.Reason, StringComparison.Ordinal);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(1, evidence.Line);
        Assert.DoesNotContain("xc3511", evidence.Excerpt, StringComparison.Ordinal);
        Assert.Contains("redacted", evidence.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Showing_secrets_reveals_the_password_without_changing_the_fingerprint()
    {
        using var root = new TempDirectory();
        root.Write("etc/shadow", $"root:{MiraiMd5}:19700:0:99999:7:::\n");

        var hidden = (await SecretsAudit.RunAsync(root.Path, "CMP2011")).On("CMP2011", "etc/shadow");
        var shown = (await SecretsAudit.RunAsync(root.Path, new EngineOptions { ShowSecrets = true }, "CMP2011")).On("CMP2011", "etc/shadow");

        Assert.Contains("password xc3511", Assert.Single(shown.Evidence).Excerpt, StringComparison.Ordinal);
        Assert.Equal(hidden.Fingerprint, shown.Fingerprint);
    }

    [Fact]
    public async Task A_hash_of_a_password_in_no_list_passes_after_the_whole_dictionary()
    {
        using var root = new TempDirectory();
        root.Write("etc/shadow", $"root:{Strong}:19700:0:99999:7:::\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2011")).On("CMP2011", "etc/shadow");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("none matched", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_device_s_own_host_name_is_tried_as_a_password()
    {
        using var root = new TempDirectory();
        root.Write("etc/hostname", "AcmeCam\n");
        root.Write("etc/shadow", $"root:{HostName}:19700:0:99999:7:::\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2011")).On("CMP2011", "etc/shadow");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("image-string", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yescrypt_is_recognised_but_leaves_the_rule_inconclusive_naming_the_account()
    {
        using var root = new TempDirectory();
        // libxcrypt's yescrypt of a random password: crypt.crypt('Zq8!vT3@pL0#', '$y$j9T$F5Jx5fExrKuJdvSfh/ZCO.').
        root.Write("etc/shadow", "admin:$y$j9T$F5Jx5fExrKuJdvSfh/ZCO.$xnqIh/rXN1T/QbZR8KO4fXy9roZC0y7Wgul33kB7Ee3:19700:0:99999:7:::\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2011")).On("CMP2011", "etc/shadow");

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("'admin'", result.Reason, StringComparison.Ordinal);
        Assert.Contains("yescrypt", result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_cracking_switched_off_the_rule_is_inconclusive_rather_than_passing()
    {
        using var root = new TempDirectory();
        root.Write("etc/shadow", $"root:{MiraiMd5}:19700:0:99999:7:::\n");

        var result = (await SecretsAudit.RunAsync(root.Path, new EngineOptions { CrackTime = TimeSpan.Zero }, "CMP2011")).On("CMP2011", "etc/shadow");

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("--crack-time 0", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_the_time_budget_cuts_short_is_inconclusive_never_a_pass()
    {
        using var root = new TempDirectory();
        root.Write("etc/shadow", $"root:{Strong}:19700:0:99999:7:::\n");

        var options = new EngineOptions { CrackTime = TimeSpan.FromTicks(1) };
        var result = (await SecretsAudit.RunAsync(root.Path, options, "CMP2011")).On("CMP2011", "etc/shadow");

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("cut short by the time budget", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(" of ", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_text_password_in_shadow_never_reaches_the_reason()
    {
        using var root = new TempDirectory();
        root.Write("etc/shadow", "root:Pl41nS3cret:19700:0:99999:7:::\n");

        var results = await SecretsAudit.RunAsync(root.Path, "CMP2011", "CMP2012");

        Assert.All(results, r => Assert.DoesNotContain("Pl41nS3cret", r.Reason + string.Concat(r.Evidence.Select(e => e.Excerpt + e.Description)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_text_default_in_an_htpasswd_file_is_proven()
    {
        using var root = new TempDirectory();
        root.Write("www/.htpasswd", "admin:admin\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2011")).On("CMP2011", "www/.htpasswd");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("account 'admin'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busybox_httpd_protection_line_with_a_default_login_is_proven_and_plain_text_is_weak()
    {
        using var root = new TempDirectory();
        root.Write("etc/httpd.conf", "A:*\nH:/www\n/cgi-bin:admin:admin\n.htm:text/html\n");

        var results = await SecretsAudit.RunAsync(root.Path, "CMP2011", "CMP2012");

        Assert.Equal(Outcome.Fail, results.On("CMP2011", "etc/httpd.conf").Outcome);
        Assert.Equal(3, Assert.Single(results.On("CMP2011", "etc/httpd.conf").Evidence).Line);
        Assert.Equal(Outcome.Fail, results.On("CMP2012", "etc/httpd.conf").Outcome);
    }

    [Fact]
    public async Task Locked_and_shadowed_accounts_leave_nothing_to_test()
    {
        using var root = new TempDirectory();
        root.Write("etc/passwd", "root:x:0:0:root:/root:/bin/sh\ndaemon:*:1:1::/:/bin/false\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2011")).On("CMP2011", "etc/passwd");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("could be tested", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_garbage_in_a_shadow_file_does_not_hide_the_good_lines()
    {
        using var root = new TempDirectory();
        var garbage = new byte[4096];
        new Random(5).NextBytes(garbage);
        root.Write("etc/shadow", [.. garbage, .. System.Text.Encoding.ASCII.GetBytes($"\nroot:{MiraiMd5}:19700:0:99999:7:::\n")]);

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2011")).On("CMP2011", "etc/shadow");

        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [SharedFact("corpus/IoTGoat/OpenWrt/openwrt-18.06.2/files/etc/shadow")]
    public async Task IoTGoat_s_shadow_files_crack_to_a_mirai_password_and_to_the_device_s_own_name()
    {
        var files = Path.Combine(RepositoryPaths.Shared, "corpus", "IoTGoat", "OpenWrt", "openwrt-18.06.2", "files");

        var results = await SecretsAudit.RunAsync(files, "CMP2011");

        var shadow = results.On("CMP2011", "etc/shadow");
        Assert.Equal(Outcome.Fail, shadow.Outcome);
        Assert.Contains("account 'iotgoatuser' has the password of mirai-2016 #44", shadow.Reason, StringComparison.Ordinal);
        // The older root hash in shadow.bak is the host name from etc/config/system, lower-cased.
        var backup = results.On("CMP2011", "etc/shadow.bak");
        Assert.Equal(Outcome.Fail, backup.Outcome);
        Assert.Contains("account 'root' has the password of image-string", backup.Reason, StringComparison.Ordinal);
    }
}
