using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// The sample reports under <c>reports/samples/</c> must be what the tool produces today from <c>examples/</c>.
/// When this fails, regenerate them with <c>reports/samples/generate.sh</c> and review the diff.
/// </summary>
public sealed class SampleReportTests
{
    public static TheoryData<string, string> Samples() => new()
    {
        { "vulnerable-rootfs", "report.json" },
        { "vulnerable-rootfs", "report.sarif" },
        { "vulnerable-rootfs", "report.html" },
        { "clean-rootfs", "report.json" },
        { "clean-rootfs", "report.sarif" },
        { "clean-rootfs", "report.html" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Committed_sample_matches_a_fresh_run(string example, string file)
    {
        using var outDir = new TempDirectory();
        var (exit, _, error) = await Cli.RunAsync("audit", Path.Combine(RepositoryPaths.Examples, example), "--out", outDir.Path, "--format", "json,sarif,html");
        Assert.True(exit == ExitCodes.Ok, error);

        var committed = Path.Combine(RepositoryPaths.Reports, "samples", example, file);
        Assert.True(File.Exists(committed), $"{committed} is missing; run reports/samples/generate.sh");
        var expected = await File.ReadAllTextAsync(committed);
        var actual = await File.ReadAllTextAsync(Path.Combine(outDir.Path, file));
        Assert.True(expected == actual, $"reports/samples/{example}/{file} has drifted from the tool's output; run reports/samples/generate.sh and review the diff");
    }

    [Fact]
    public async Task Two_runs_give_byte_identical_json_sarif_and_html()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var target = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");

        await Cli.RunAsync("audit", target, "--out", a.Path, "--format", "json,sarif,html");
        await Cli.RunAsync("audit", target, "--out", b.Path, "--format", "json,sarif,html");

        foreach (var file in new[] { "report.json", "report.sarif", "report.html" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(a.Path, file)), await File.ReadAllBytesAsync(Path.Combine(b.Path, file)));
        }
    }
}
