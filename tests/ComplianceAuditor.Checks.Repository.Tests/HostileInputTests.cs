using System.Text;
using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>Junk, huge and badly encoded files give clear results, never exceptions or unbounded reads.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task Binary_junk_named_SECURITY_md_is_inconclusive_not_a_missing_policy()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        junk[10] = 0;
        using var repo = new RepoFixture().With("SECURITY.md", junk);

        var results = await repo.JudgeAllAsync("CMP3002", "CMP3003", "CMP3004");

        Assert.All(results.Values, r => Assert.Equal(Outcome.Inconclusive, r.Outcome));
        Assert.All(results.Values, r => Assert.Contains("SECURITY.md holds binary content, not text", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_policy_is_read_around_and_shown_escaped()
    {
        // "Société" in Latin-1: the 0xE9 bytes are not UTF-8, but the file is still mostly text.
        byte[] policy = [.. Encoding.Latin1.GetBytes("Soci\u00e9t\u00e9 Exemple: report to security@example.com\n")];
        using var repo = new RepoFixture().With("SECURITY.md", policy);

        var result = await repo.JudgeAsync("CMP3002");

        Assert.Equal(Outcome.Pass, result.Outcome);
        var excerpt = Assert.Single(result.Evidence).Excerpt;
        Assert.Contains("\\uFFFD", excerpt, StringComparison.Ordinal);
        Assert.Contains("security@example.com", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_policy_is_read_up_to_its_bound_and_a_contact_early_on_still_passes()
    {
        using var repo = new RepoFixture().With("SECURITY.md", "Report to security@example.com\n" + new string('x', 3 * 1024 * 1024) + "\n");

        var result = await repo.JudgeAsync("CMP3002");

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task A_contact_beyond_the_bound_of_a_huge_policy_is_inconclusive_and_says_so()
    {
        using var repo = new RepoFixture().With("SECURITY.md", "# Policy\n" + new string('x', 2 * 1024 * 1024) + "\nReport to security@example.com\n");

        var result = await repo.JudgeAsync("CMP3002");

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("SECURITY.md was read only in part (the first 1048576 of", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_two_megabyte_line_in_the_readme_finishes_with_a_clear_result()
    {
        using var repo = new RepoFixture().With("README.md", new string('(', 2 * 1024 * 1024));

        var results = await repo.JudgeAllAsync("CMP3006", "CMP3016", "CMP3017", "CMP3018");

        Assert.All(results.Values, r => Assert.Equal(Outcome.Inconclusive, r.Outcome));
        Assert.All(results.Values, r => Assert.Contains("README.md was read only in part", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_out_of_the_working_tree_is_not_followed()
    {
        using var repo = new RepoFixture();
        File.CreateSymbolicLink(Path.Combine(repo.Path, "SECURITY.md"), "/etc/hostname");

        var result = await repo.JudgeAsync("CMP3002");

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("SECURITY.md could not be read (a symbolic link to /etc/hostname that does not lead to a file of the working tree)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_in_a_file_name_are_escaped_in_reasons()
    {
        using var repo = new RepoFixture().With("docs/threat-model\u001b[31m.md", "# Threats\n");

        var result = await repo.JudgeAsync("CMP3012");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.DoesNotContain("\u001b", result.Reason, StringComparison.Ordinal);
        Assert.Contains("\\u001B", result.Reason, StringComparison.Ordinal);
    }
}
