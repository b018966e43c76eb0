using System.Diagnostics;
using System.Text;
using ComplianceAuditor.Checks.Build.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Build.Tests;

/// <summary>Build files that are binary, huge or built to make a parser loop: every one bounded and inconclusive.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task Binary_junk_named_prj_conf_is_inconclusive()
    {
        var junk = new byte[64 * 1024];
        new Random(3).NextBytes(junk);
        junk[0] = 0;

        var results = await RuleAudit.RepoAsync(["CMP3025"], [("app/prj.conf", junk)]);

        var result = RuleAudit.Only(results, "CMP3025");
        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("binary", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_with_a_NUL_byte_further_in_is_inconclusive_not_half_read()
    {
        var text = Encoding.UTF8.GetBytes("CONFIG_GPIO=y\n" + new string('#', 20_000) + "\0\nCONFIG_USERSPACE=n\n");

        var results = await RuleAudit.RepoAsync(["CMP3025"], [("prj.conf", text)]);

        var result = RuleAudit.Only(results, "CMP3025");
        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("binary", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_makefile_without_a_finding_in_its_first_mebibyte_is_inconclusive()
    {
        var text = new StringBuilder("CFLAGS += -O2\n");
        while (text.Length < 3 << 20)
        {
            text.Append("SRCS += src/module.c\n");
        }

        text.Append("CFLAGS += -fno-stack-protector\n");
        var results = await RuleAudit.RepoAsync(["CMP3023"], ("Makefile", text.ToString()));

        var result = RuleAudit.Only(results, "CMP3023");
        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("too large to read whole", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_makefile_with_a_finding_early_fails_and_says_it_was_read_in_part()
    {
        var text = new StringBuilder("CFLAGS += -fno-stack-protector\n");
        while (text.Length < 3 << 20)
        {
            text.Append("SRCS += src/module.c\n");
        }

        var results = await RuleAudit.RepoAsync(["CMP3023"], ("Makefile", text.ToString()));

        var result = RuleAudit.Only(results, "CMP3023");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("only the first part of the file was read", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endless_line_continuations_and_unclosed_quotes_stay_bounded()
    {
        var continued = new StringBuilder("EXTRA_IMAGE_FEATURES = \"");
        for (var i = 0; i < 200_000; i++)
        {
            continued.Append("tools-debug \\\n");
        }

        var cmake = "set(CMAKE_C_FLAGS \"" + new string('"', 300_000) + string.Concat(Enumerable.Repeat("(\n", 100_000));
        var watch = Stopwatch.StartNew();

        var results = await RuleAudit.RepoAsync(
            ["CMP3020", "CMP3023"],
            ("build/conf/local.conf", continued.ToString()),
            ("CMakeLists.txt", cmake),
            ("rules.mk", string.Concat(Enumerable.Repeat("CFLAGS += \\\n", 300_000))));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.All(results, r => Assert.NotEqual(Outcome.Error, r.Outcome));
        Assert.All(results.Where(r => r.Outcome != Outcome.NotApplicable), r => Assert.Equal(Outcome.Inconclusive, r.Outcome));
        Assert.Equal(Outcome.Inconclusive, RuleAudit.On(results, "CMP3020", "local.conf").Outcome);
        Assert.Equal(Outcome.Inconclusive, RuleAudit.On(results, "CMP3023", "rules.mk").Outcome);
    }

    [Fact]
    public async Task An_elf_file_named_Makefile_is_not_applicable()
    {
        var elf = new byte[64];
        "\u007fELF"u8.CopyTo(elf);
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;

        var results = await RuleAudit.RepoAsync(["CMP3023"], [("tools/Makefile", elf)]);

        Assert.NotEqual(Outcome.Fail, RuleAudit.Only(results, "CMP3023").Outcome);
        Assert.NotEqual(Outcome.Pass, RuleAudit.Only(results, "CMP3023").Outcome);
    }
}
