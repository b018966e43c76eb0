using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

public sealed class BytePatternCheckTests
{
    [Fact]
    public async Task Ascii_pattern_inside_a_binary_fails_with_its_byte_offset()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[5000];
        Encoding.ASCII.GetBytes("telnetd -l /bin/sh").CopyTo(bytes, 4321);
        dir.Write("usr/sbin/app", bytes);

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Bytes(("backdoor", "telnetd -l /bin/sh", null))));

        Assert.Equal(Outcome.Fail, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(4321, evidence.ByteOffset);
        Assert.Equal(18, evidence.ByteLength);
        Assert.Equal("telnetd -l /bin/sh", evidence.Excerpt);
    }

    [Fact]
    public async Task Match_that_straddles_two_read_chunks_is_found_once()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[(1 << 20) + 100];
        var offset = (1 << 20) - 5;
        Encoding.ASCII.GetBytes("SECRET-MARKER").CopyTo(bytes, offset);
        dir.Write("blob.bin", bytes);

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, TestRules.Bytes(("marker", "SECRET-MARKER", null))));

        Assert.Equal(offset, Assert.Single(result.Evidence).ByteOffset);
    }

    [Fact]
    public async Task Hex_pattern_with_wildcards_matches_any_byte_at_the_wildcard()
    {
        using var dir = new TempDirectory();
        dir.Write("a.bin", [0x00, 0xDE, 0xAD, 0xBE, 0x42, 0xEF, 0x00]);
        dir.Write("b.bin", [0x00, 0xDE, 0xAD, 0xBF, 0x42, 0xEF, 0x00]);

        var results = await Audits.RunAsync(dir.Path, null, null, TestRules.Bytes(("magic", null, "de ad be ?? ef")));

        Assert.Equal(Outcome.Fail, results.Single(r => r.Artifact.EndsWith("a.bin", StringComparison.Ordinal)).Outcome);
        Assert.Equal(Outcome.Pass, results.Single(r => r.Artifact.EndsWith("b.bin", StringComparison.Ordinal)).Outcome);
    }

    [Fact]
    public async Task Paths_that_select_no_file_make_the_rule_not_applicable_to_the_target()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/motd", "hello");
        var rule = TestRules.Bytes(("k", "-----BEGIN", null));
        rule = rule with { Check = new Core.Rules.CheckSpec("byte-pattern", new Dictionary<string, object?>
        {
            ["paths"] = new object?[] { "lib/firmware/*.bin" },
            ["patterns"] = rule.Check.GetMapList("patterns").Cast<object?>().ToArray(),
        }) };

        var result = Assert.Single(await Audits.RunAsync(dir.Path, null, null, rule));

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("lib/firmware/*.bin", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Self_test_samples_up_to_u00ff_stand_for_exact_bytes()
    {
        var prepared = (ISelfTestable)new Checks.Content.BytePatternCheck().Prepare(TestRules.Bytes(("high bytes", null, "00 80 ff")), new EngineOptions());

        Assert.True(prepared.MatchesSample("x\u0000\u0080\u00ffy"));
        Assert.False(prepared.MatchesSample("x\u0000\u0080\u00fey"));
    }

    [Fact]
    public async Task Firmware_file_target_is_scanned_as_one_artifact()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fw.bin", Encoding.ASCII.GetBytes("\0\0-----BEGIN RSA PRIVATE KEY-----\0"));

        var result = Assert.Single(await Audits.RunAsync(file, null, null, TestRules.Bytes(("rsa", "-----BEGIN RSA PRIVATE KEY-----", null))));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal("fw.bin", result.Artifact);
    }
}
