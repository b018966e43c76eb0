using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>CMP3009 to CMP3013: static analysis, fuzzing, code owners, threat model and release signing.</summary>
public sealed class PracticeRuleTests
{
    [Theory]
    [InlineData("CMP3009", ".github/workflows/codeql.yml", "steps:\n  - uses: github/codeql-action/analyze@v3\n", "found codeql (.github/workflows/codeql.yml:2)")]
    [InlineData("CMP3010", "fuzz/fuzz_parser.c", "#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }\n", "found libfuzzer-harness (fuzz/fuzz_parser.c:2)")]
    [InlineData("CMP3010", ".github/workflows/cifuzz.yml", "steps:\n  - uses: google/oss-fuzz/infra/cifuzz/actions/run_fuzzers@master\n", "found oss-fuzz (.github/workflows/cifuzz.yml:2)")]
    [InlineData("CMP3011", ".github/CODEOWNERS", "# firmware team\n/boot/ @acme/boot-owners\n", "found codeowners (.github/CODEOWNERS:2)")]
    [InlineData("CMP3012", "docs/threat-model.md", "# Threats\n", "found document (docs/threat-model.md)")]
    [InlineData("CMP3013", ".github/workflows/release.yml", "steps:\n  - run: cosign sign-blob --yes dist/fw.bin\n", "found cosign (.github/workflows/release.yml:2)")]
    public async Task The_practice_in_its_place_passes(string ruleId, string path, string content, string reason)
    {
        using var repo = new RepoFixture().With(path, content);

        var result = await repo.JudgeAsync(ruleId);

        Assert.Equal((Outcome.Pass, reason), (result.Outcome, result.Reason));
        Assert.EndsWith("/" + path, Assert.Single(result.Evidence).Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CMP3009", "Makefile", "lint:\n\tcppcheck src\n")]
    [InlineData("CMP3010", "README.md", "We plan to use libFuzzer and AFL.\n")]
    [InlineData("CMP3010", "fuzz/notes.c", "/* a fuzz corpus helper without an entry point */\n")]
    [InlineData("CMP3011", "CODEOWNERS", "# nobody owns anything yet\n")]
    [InlineData("CMP3012", "docs/architecture.md", "The threat model lives in someone's head.\n")]
    [InlineData("CMP3013", ".github/workflows/ci.yml", "steps:\n  - run: gpg --verify fw.sig fw.bin\n")]
    public async Task Mentions_that_are_not_the_practice_fail(string ruleId, string path, string content)
    {
        using var repo = new RepoFixture().With(path, content);

        var result = await repo.JudgeAsync(ruleId);

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Empty(result.Evidence);
    }
}
