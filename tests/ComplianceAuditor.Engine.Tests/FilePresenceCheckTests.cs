using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

public sealed class FilePresenceCheckTests
{
    [Fact]
    public async Task File_present_passes_with_the_file_as_evidence()
    {
        using var dir = new TempDirectory();
        dir.Write(".github/SECURITY.md", "Report to security@example.com");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, TargetKind.Repo, Repo(TestRules.Present("file-present", "SECURITY.md"))));

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.EndsWith("/.github/SECURITY.md", Assert.Single(result.Evidence).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_present_fails_when_nothing_matches_and_says_what_was_looked_for()
    {
        using var dir = new TempDirectory();
        dir.Write("README.md", "hello");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, TargetKind.Repo, Repo(TestRules.Present("file-present", "SECURITY.md", ".well-known/security.txt"))));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("SECURITY.md", result.Reason, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(dir.Path), result.Artifact);
    }

    [Fact]
    public async Task File_absent_fails_and_lists_every_file_found()
    {
        using var dir = new TempDirectory();
        dir.Write("usr/bin/gdbserver", "x");
        dir.Write("usr/sbin/tcpdump", "x");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Present("file-absent", "gdbserver", "tcpdump")));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(2, result.Evidence.Count);
    }

    [Fact]
    public async Task File_absent_passes_on_a_clean_tree()
    {
        using var dir = new TempDirectory();
        dir.Write("usr/bin/ls", "x");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Present("file-absent", "gdbserver")));

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task On_a_firmware_file_that_was_not_unpacked_presence_is_inconclusive_not_guessed()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fw.bin", [0x27, 0x05, 0x19, 0x56, 0, 0, 0, 0]);

        var absent = Assert.Single(await Audits.RunAsync(file, null, null, TestRules.Present("file-absent", "gdbserver")));
        var present = Assert.Single(await Audits.RunAsync(file, null, null, TestRules.Present("file-present", "SECURITY.md")));

        Assert.Equal(Outcome.Inconclusive, absent.Outcome);
        Assert.Equal(Outcome.Inconclusive, present.Outcome);
        Assert.Contains("no image, archive or file system was recognised", absent.Reason, StringComparison.Ordinal);
        Assert.Contains("which files it holds is unknown", present.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_for_another_target_kind_is_not_applicable_with_the_reason()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/passwd", "root:x:0:0::/root:/bin/sh");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, Repo(TestRules.Present("file-present", "SECURITY.md"))));

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("is a rootfs", result.Reason, StringComparison.Ordinal);
    }

    private static Core.Rules.RuleDefinition Repo(Core.Rules.RuleDefinition rule) => rule with { Targets = [TargetKind.Repo] };
}
