using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Secrets.Tests;

/// <summary>CMP2012 (weak hash schemes) and CMP2013 (extra uid 0 accounts), each with a failing and a passing file.</summary>
public sealed class AccountRuleTests
{
    [Fact]
    public async Task Des_and_md5_crypt_hashes_fail_and_name_their_accounts()
    {
        using var root = new TempDirectory();
        // crypt('admin', 'ab') (DES) and crypt('xc3511', '$1$Qw3rTy7u') (MD5-crypt), from libxcrypt.
        root.Write("etc/shadow", "root:abOV.DfJmdnYw:1:0:99999:7:::\nsupport:$1$Qw3rTy7u$wCNW/LZtTbEU7iwT4cpO2/:1:0:99999:7:::\nftp:*:1:0:99999:7:::\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2012")).On("CMP2012", "etc/shadow");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal([1, 2], result.Evidence.Select(e => e.Line ?? 0));
        Assert.Contains("'root'", result.Reason, StringComparison.Ordinal);
        Assert.Contains("'support'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sha512_crypt_and_locked_accounts_pass()
    {
        using var root = new TempDirectory();
        root.Write("etc/shadow", "root:$6$N0tInL1st$kpxpo/t9NyDmmDcEQgY37yZTFLyIJfcTdbhHa63q4/u.78yWQq2dZyx4KPSUVeqOl4y6M0muKbCGOneprDCa0/:1:0:99999:7:::\nold:!abOV.DfJmdnYw:1:0:99999:7:::\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2012")).On("CMP2012", "etc/shadow");

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task A_plain_text_htpasswd_entry_is_a_weak_hash()
    {
        using var root = new TempDirectory();
        root.Write("www/.htpasswd", "operator:Sup3r-S3cret\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2012")).On("CMP2012", "www/.htpasswd");

        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public async Task A_second_uid_0_login_fails_and_one_without_a_shell_does_not()
    {
        using var root = new TempDirectory();
        root.Write("etc/passwd", "root:x:0:0:root:/root:/bin/sh\ntoor:x:0:0::/root:/bin/ash\nsync:x:0:0::/bin:/bin/sync\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2013")).On("CMP2013", "etc/passwd");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("'toor'", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("'sync'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_alone_with_uid_0_passes()
    {
        using var root = new TempDirectory();
        root.Write("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nadmin:x:1000:1000::/home/admin:/bin/sh\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2013")).On("CMP2013", "etc/passwd");

        Assert.Equal(Outcome.Pass, result.Outcome);
    }
}
