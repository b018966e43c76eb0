using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>CMP3005: security.txt conforms to RFC 9116 at the audit's reference time (2026-06-01 in these tests).</summary>
public sealed class SecurityTxtRuleTests
{
    [Fact]
    public async Task A_current_file_passes_with_its_expiry()
    {
        using var repo = new RepoFixture().With(".well-known/security.txt", "Contact: mailto:psirt@example.com\nExpires: 2026-12-01T00:00:00Z\n");

        var result = await repo.JudgeAsync("CMP3005");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Equal(".well-known/security.txt conforms: 1 Contact field(s), expires 2026-12-01", result.Reason);
    }

    [Fact]
    public async Task An_expired_file_fails_pointing_at_the_expires_line()
    {
        using var repo = new RepoFixture().With(".well-known/security.txt", "Contact: mailto:psirt@example.com\nExpires: 2026-01-01T00:00:00Z\n");

        var result = await repo.JudgeAsync("CMP3005");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("it expired on 2026-01-01T00:00:00Z (line 2)", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(result.Evidence).Line);
    }

    [Fact]
    public async Task Missing_contact_and_expires_fail_with_both_named()
    {
        using var repo = new RepoFixture().With("security.txt", "# nothing here yet\nPolicy: http://example.com/vdp\n");

        var result = await repo.JudgeAsync("CMP3005");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("no Contact field", result.Reason, StringComparison.Ordinal);
        Assert.Contains("no Expires field", result.Reason, StringComparison.Ordinal);
        Assert.Contains("uses http: where https: is required (line 2)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_in_a_web_site_folder_is_found()
    {
        using var repo = new RepoFixture().With("www/.well-known/security.txt", "Contact: mailto:psirt@example.com\nExpires: 2025-01-01T00:00:00Z\n");

        var result = await repo.JudgeAsync("CMP3005");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("www/.well-known/security.txt does not conform", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_byte_order_mark_does_not_break_the_first_field()
    {
        using var repo = new RepoFixture().With(".well-known/security.txt",
            [0xEF, 0xBB, 0xBF, .. RepoFixture.Utf8("Contact: mailto:psirt@example.com\nExpires: 2026-12-01T00:00:00Z\n")]);

        Assert.Equal(Outcome.Pass, (await repo.JudgeAsync("CMP3005")).Outcome);
    }

    [Fact]
    public async Task Without_a_security_txt_the_rule_is_not_applicable()
    {
        using var repo = new RepoFixture().With("SECURITY.md", "Mail security@example.com\n");

        var result = await repo.JudgeAsync("CMP3005");

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Equal("the repository has no security.txt", result.Reason);
    }
}
