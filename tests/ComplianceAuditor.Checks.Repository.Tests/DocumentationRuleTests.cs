using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>CMP3016 (update behaviour), CMP3017 (secure setup) and CMP3018 (data deletion) on user documentation.</summary>
public sealed class DocumentationRuleTests
{
    private const string Guide = """
        # Camera user guide

        ## Firmware updates

        The camera checks for updates every night and installs them automatically.

        ## Secure setup

        Change the default password before connecting the camera to the internet.

        ## Removing your data

        To delete all personal data, hold the reset button for ten seconds to perform a factory reset.
        """;

    [Theory]
    [InlineData("CMP3016", 3)]
    [InlineData("CMP3017", 7)]
    [InlineData("CMP3018", 11)]
    public async Task A_guide_with_the_topic_passes_with_its_heading_first(string ruleId, int headingLine)
    {
        using var repo = new RepoFixture().With("docs/user-guide.md", Guide);

        var result = await repo.JudgeAsync(ruleId);

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains($"docs/user-guide.md:{headingLine} (heading)", result.Reason, StringComparison.Ordinal);
        Assert.Equal(headingLine, result.Evidence[0].Line);
    }

    [Fact]
    public async Task A_developer_readme_with_an_update_heading_about_submodules_fails_CMP3016()
    {
        using var repo = new RepoFixture().With("README.md", "# Build\n\n## Updating the submodules\n\nRun git submodule update.\n");

        var result = await repo.JudgeAsync("CMP3016");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal("none of the 1 user document(s) read (README.md) explains how the device is updated", result.Reason);
        Assert.EndsWith("/README.md", Assert.Single(result.Evidence).Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CMP3016")]
    [InlineData("CMP3017")]
    [InlineData("CMP3018")]
    public async Task A_repository_without_user_documentation_fails(string ruleId)
    {
        using var repo = new RepoFixture().With("src/main.c", "int main(void) { return 0; }\n");

        var result = await repo.JudgeAsync(ruleId);

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("the repository has no user documentation", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sentences_count_without_a_heading()
    {
        using var repo = new RepoFixture().With("MANUAL.txt", "Before selling the device, perform a factory reset to erase your data.\n");

        var result = await repo.JudgeAsync("CMP3018");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Equal("how to delete personal data from the device is covered at MANUAL.txt:1", result.Reason);
    }
}
