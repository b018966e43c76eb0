using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Secrets.Tests;

/// <summary>CMP2028: secrets found in two images (two targets, or a target and an earlier release) are not per unit.</summary>
public sealed class SharedSecretsRuleTests
{
    /// <summary>SHA-512-crypt of a random password (libxcrypt), the same line in both images.</summary>
    private const string Shadow = "root:$6$N0tInL1st$kpxpo/t9NyDmmDcEQgY37yZTFLyIJfcTdbhHa63q4/u.78yWQq2dZyx4KPSUVeqOl4y6M0muKbCGOneprDCa0/:1:0:99999:7:::\n";

    [Fact]
    public async Task The_same_hash_and_host_key_in_two_units_fail_both_and_name_where_the_other_copy_is()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        foreach (var unit in new[] { a, b })
        {
            unit.Write("etc/shadow", Shadow);
            unit.Write("etc/dropbear/dropbear_ed25519_host_key", [0, 0, 0, 11, .. "ssh-ed25519"u8, 1, 2, 3, 4]);
        }

        var results = await SecretsAudit.RunManyAsync([a.Path, b.Path], [], "CMP2028");

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(Outcome.Fail, r.Outcome));
        var first = results[0];
        Assert.Equal(2, first.Evidence.Count);
        Assert.Contains(first.Evidence, e => e.Description!.Contains("the password hash of 'root'", StringComparison.Ordinal));
        Assert.Contains(first.Evidence, e => e.Description!.Contains("an SSH host key", StringComparison.Ordinal));
        // The secret itself never appears, only its hash.
        Assert.DoesNotContain(first.Evidence, e => e.Description!.Contains("$6$", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Different_secrets_pass_and_an_earlier_release_is_compared_but_not_audited()
    {
        using var current = new TempDirectory();
        using var previous = new TempDirectory();
        current.Write("etc/shadow", Shadow);
        previous.Write("etc/shadow", "root:$1$Qw3rTy7u$wCNW/LZtTbEU7iwT4cpO2/:1:0:99999:7:::\n");

        var results = await SecretsAudit.RunManyAsync([current.Path], [previous.Path], "CMP2028");

        var result = Assert.Single(results);
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("compared with 1 other image(s)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_key_carried_over_from_the_previous_release_fails()
    {
        using var current = new TempDirectory();
        using var previous = new TempDirectory();
        var key = File.ReadAllBytes(Path.Combine(SecretsAudit.KeyFixtures, "rsa2048-pkcs8.pem"));
        current.Write("etc/ssl/private/device.key", key);
        previous.Write("etc/ssl/private/server.key", key);

        var result = Assert.Single(await SecretsAudit.RunManyAsync([current.Path], [previous.Path], "CMP2028"));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("server.key", Assert.Single(result.Evidence).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_image_alone_is_not_applicable_and_says_how_to_compare()
    {
        using var root = new TempDirectory();
        root.Write("etc/shadow", Shadow);

        var result = Assert.Single(await SecretsAudit.RunAsync(root.Path, "CMP2028"));

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("--previous", result.Reason, StringComparison.Ordinal);
    }
}
