using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

public sealed class TextRegexCheckTests
{
    [Fact]
    public async Task Matching_line_fails_with_line_column_and_excerpt()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/shadow", "daemon:*:1:0:99999:7:::\nroot::19000:0:99999:7:::\n");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Regex("^root::", "etc/shadow")));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.EndsWith("/etc/shadow", result.Artifact, StringComparison.Ordinal);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(2, evidence.Line);
        Assert.Equal(1, evidence.Column);
        Assert.Equal("root::19000:0:99999:7:::", evidence.Excerpt);
        Assert.NotNull(result.Reason);
    }

    [Theory]
    [InlineData(65531)] // the two bytes of 'é' fall on both sides of the first 64 KiB read
    [InlineData(3_000_000)] // past the size whose text buffer is pooled
    public async Task Text_is_decoded_whole_across_reads_with_invalid_bytes_replaced(int padding)
    {
        using var dir = new TempDirectory();
        var bytes = new List<byte>();
        bytes.AddRange(Enumerable.Repeat((byte)'#', padding));
        bytes.AddRange("\ncaf\u00e9 "u8.ToArray());
        bytes.Add(0xff); // not UTF-8: read as U+FFFD, not a reason to give up on the file
        bytes.AddRange(" root::\n"u8.ToArray());
        dir.Write("etc/app.conf", bytes.ToArray());

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Regex("caf\u00e9 \uFFFD root::", "*.conf")));

        Assert.Equal(Outcome.Fail, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(2, evidence.Line);
        Assert.Equal(1, evidence.Column);
        Assert.Contains("caf\u00e9", evidence.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_without_a_match_passes()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/shadow", "root:$6$salt$hash:19000:0:99999:7:::\n");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Regex("^root::", "etc/shadow")));

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task No_file_matching_the_globs_gives_one_not_applicable_result_for_the_target()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/passwd", "root:x:0:0::/root:/bin/sh\n");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Regex("^root::", "etc/shadow")));

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Equal(Path.GetFileName(dir.Path), result.Artifact);
        Assert.Contains("etc/shadow", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_content_at_a_path_the_rule_names_is_inconclusive_not_skipped()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/shadow", [0x00, 0x01, (byte)'r', (byte)'o', (byte)'o', (byte)'t', (byte)':', (byte)':']);

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Regex("root::", "etc/shadow")));

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.EndsWith("/etc/shadow", result.Artifact, StringComparison.Ordinal);
        Assert.Contains("binary content", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_latin1_config_file_is_still_text()
    {
        using var dir = new TempDirectory();
        // 0xA9 on its own is not valid UTF-8.
        dir.Write("etc/inittab", System.Text.Encoding.Latin1.GetBytes("# (c) Acme \u00A9 2020\n::respawn:/usr/sbin/telnetd\n"));

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Regex("telnetd", "etc/inittab")));

        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public async Task Links_and_binaries_at_named_paths_get_a_reasoned_result()
    {
        using var dir = new TempDirectory();
        dir.Write("sbin/real", "telnetd\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "sbin", "link"), "real");
        dir.Write("sbin/tool", [0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1, 0]);

        var results = await Audits.RunAsync(dir.Path, null, null, TestRules.Regex("telnetd", "sbin/*"));

        Assert.Equal(Outcome.Fail, results.Single(r => r.Artifact.EndsWith("sbin/real", StringComparison.Ordinal)).Outcome);
        var link = results.Single(r => r.Artifact.EndsWith("sbin/link", StringComparison.Ordinal));
        Assert.Equal(Outcome.NotApplicable, link.Outcome);
        Assert.Contains("symbolic link to real", link.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.NotApplicable, results.Single(r => r.Artifact.EndsWith("sbin/tool", StringComparison.Ordinal)).Outcome);
    }

    [Fact]
    public async Task Text_beyond_the_size_limit_makes_a_clean_result_inconclusive()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/big.conf", new string('x', 4000) + "\nroot::\n");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, new EngineOptions { MaxTextBytes = 1000 }, null, TestRules.Regex("^root::", "*.conf")));

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("first 1000 bytes", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pattern_that_runs_past_its_time_limit_gives_inconclusive_not_a_hang()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/evil.conf", new string('a', 5000) + "!");

        // The backreference forces the backtracking engine; nested quantifiers make it exponential.
        var rule = TestRules.Regex(@"^(\w)\1?(a+)+$", "*.conf");
        var result = Assert.Single(await Audits.RunAsync(dir.Path, new EngineOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) }, null, rule));

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("time limit", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excerpts_are_sanitised_of_control_and_bidirectional_characters()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/x.conf", "password=\u202Eabc\u0007\n");

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Regex("password=", "*.conf")));

        var excerpt = Assert.Single(result.Evidence).Excerpt!;
        Assert.DoesNotContain('\u202E', excerpt);
        Assert.DoesNotContain('\u0007', excerpt);
        Assert.Contains("\\u202E", excerpt, StringComparison.Ordinal);
    }
}
