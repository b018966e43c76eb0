using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>CMP3002 (contact), CMP3003 (timelines) and CMP3004 (personal data) on SECURITY.md and security.txt.</summary>
public sealed class DisclosureRuleTests
{
    private const string GoodPolicy = """
        # Security policy

        Please report vulnerabilities to security@example.com.
        We acknowledge every report within 3 business days.
        You will get a status update at least every 14 days until the issue is resolved.
        """;

    [Fact]
    public async Task An_email_address_in_SECURITY_md_passes_CMP3002_with_the_line_as_evidence()
    {
        using var repo = new RepoFixture().With("SECURITY.md", GoodPolicy);

        var result = await repo.JudgeAsync("CMP3002");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("SECURITY.md:3", result.Reason, StringComparison.Ordinal);
        var item = Assert.Single(result.Evidence);
        Assert.EndsWith("/SECURITY.md", item.Path, StringComparison.Ordinal);
        Assert.Equal((3, "Please report vulnerabilities to security@example.com."), (item.Line, item.Excerpt));
    }

    [Fact]
    public async Task A_security_txt_contact_alone_passes_CMP3002()
    {
        using var repo = new RepoFixture().With(".well-known/security.txt", "Contact: https://example.com/report\nExpires: 2026-12-01T00:00:00Z\n");

        var result = await repo.JudgeAsync("CMP3002");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains(".well-known/security.txt:1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_linked_from_the_root_to_docs_is_followed_for_CMP3002()
    {
        using var repo = new RepoFixture().With("docs/security-policy.md", GoodPolicy);
        File.CreateSymbolicLink(Path.Combine(repo.Path, "SECURITY.md"), "docs/security-policy.md");

        var result = await repo.JudgeAsync("CMP3002");

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task A_policy_without_any_address_fails_CMP3002_naming_the_file()
    {
        using var repo = new RepoFixture().With(".github/SECURITY.md", "# Security\n\nWe take security very seriously.\n");

        var result = await repo.JudgeAsync("CMP3002");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(".github/SECURITY.md gives no e-mail address, reporting link or advisory form", result.Reason);
        Assert.EndsWith("/.github/SECURITY.md", Assert.Single(result.Evidence).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_without_policy_or_security_txt_fails_CMP3002()
    {
        using var repo = new RepoFixture().With("README.md", "# Firmware\n");

        var result = await repo.JudgeAsync("CMP3002");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("no SECURITY.md and no security.txt", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledgement_and_status_update_times_pass_CMP3003()
    {
        using var repo = new RepoFixture().With("SECURITY.md", GoodPolicy);

        var result = await repo.JudgeAsync("CMP3003");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Equal("SECURITY.md states response times: acknowledgement at SECURITY.md:4; status-update at SECURITY.md:5", result.Reason);
        Assert.Equal([4, 5], result.Evidence.Select(e => e.Line));
    }

    [Fact]
    public async Task A_policy_that_only_promises_fix_times_fails_CMP3003()
    {
        using var repo = new RepoFixture().With("SECURITY.md", "Mail security@example.com.\nWe aim to release a fix within 90 days.\n");

        var result = await repo.JudgeAsync("CMP3003");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("SECURITY.md states no acknowledgement or status-update time; its only promised times are about fixes (SECURITY.md:2)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_with_an_acknowledgement_time_only_fails_CMP3003_naming_what_is_missing()
    {
        using var repo = new RepoFixture().With("SECURITY.md", "Mail security@example.com.\nWe reply within 48 hours.\n");

        var result = await repo.JudgeAsync("CMP3003");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal("SECURITY.md states no status-update time (only acknowledgement)", result.Reason);
    }

    [Fact]
    public async Task A_policy_published_only_on_a_web_page_is_inconclusive_for_CMP3003()
    {
        using var repo = new RepoFixture().With(".well-known/security.txt", "Contact: mailto:psirt@example.com\nPolicy: https://example.com/vdp\nExpires: 2026-12-01T00:00:00Z\n");

        var result = await repo.JudgeAsync("CMP3003");

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("published at https://example.com/vdp (.well-known/security.txt line 2)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_policy_at_all_fails_CMP3003()
    {
        using var repo = new RepoFixture().With("src/main.c", "int main(void) { return 0; }\n");

        Assert.Equal(Outcome.Fail, (await repo.JudgeAsync("CMP3003")).Outcome);
    }

    [Fact]
    public async Task Demanding_a_phone_number_fails_CMP3004_and_a_plain_policy_passes()
    {
        using var demanding = new RepoFixture().With("SECURITY.md", "Mail security@example.com.\nYou must provide your full name and phone number.\n");
        using var plain = new RepoFixture().With("SECURITY.md", GoodPolicy);

        var fail = await demanding.JudgeAsync("CMP3004");
        var pass = await plain.JudgeAsync("CMP3004");

        Assert.Equal(Outcome.Fail, fail.Outcome);
        Assert.Equal(2, Assert.Single(fail.Evidence).Line);
        Assert.Equal(Outcome.Pass, pass.Outcome);
    }

    [Fact]
    public async Task Without_a_policy_CMP3004_is_not_applicable()
    {
        using var repo = new RepoFixture().With("README.md", "# Firmware\n");

        Assert.Equal(Outcome.NotApplicable, (await repo.JudgeAsync("CMP3004")).Outcome);
    }
}
