using System.Security.Cryptography;
using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Update.Boot.Tests;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>CMP2048: the AVB header flags that switch verified boot or dm-verity off, on vbmeta images signed after the flags are set.</summary>
public sealed class VbmetaRuleTests
{
    private static async Task<CheckResult> JudgeAsync(byte[] vbmeta) =>
        RuleAudit.OnTarget(await RuleAudit.FileAsync("vbmeta.img", vbmeta, ["CMP2048"]), "CMP2048");

    [Fact]
    public async Task A_vbmeta_with_no_flags_passes()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync(VbmetaBuilder.Build(key, flags: 0));

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("Android vbmeta shows none of 'avb-verification-disabled', 'avb-hashtree-disabled'", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1u, "HASHTREE_DISABLED", "VERIFICATION_DISABLED")]
    [InlineData(2u, "VERIFICATION_DISABLED", "HASHTREE_DISABLED")]
    public async Task Either_flag_alone_fails_naming_only_that_flag(uint flags, string named, string notNamed)
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync(VbmetaBuilder.Build(key, flags: flags));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains($"the vbmeta flag {named} is set", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(notNamed, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_flags_fail_with_one_evidence_item_each()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync(VbmetaBuilder.Build(key, flags: 3));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(2, result.Evidence.Count);
        Assert.All(result.Evidence, e => Assert.Contains("format: Android vbmeta", e.Excerpt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unsigned_vbmeta_with_the_flags_set_still_fails()
    {
        // Algorithm 0 (NONE) is what avbtool writes for developer builds; the flags are judged all the same.
        var result = await JudgeAsync(VbmetaBuilder.Build(null, algorithm: 0, flags: 2));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("VERIFICATION_DISABLED", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vbmeta_cut_short_is_inconclusive_rather_than_passing()
    {
        // The flags are in the header, but a vbmeta whose blocks run past the end of the file cannot be judged whole.
        using var key = RSA.Create(2048);
        var vbmeta = VbmetaBuilder.Build(key, flags: 0);

        var result = await JudgeAsync(vbmeta[..(vbmeta.Length - 64)]);

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.StartsWith("Android vbmeta: ", result.Reason, StringComparison.Ordinal);
    }
}
