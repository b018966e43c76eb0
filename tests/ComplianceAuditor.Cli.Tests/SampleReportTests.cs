using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// The sample reports under <c>reports/samples/</c> must be what the tool produces today from <c>examples/</c>.
/// When this fails, regenerate them with <c>reports/samples/generate.sh</c> and review the diff.
/// </summary>
public sealed class SampleReportTests
{
    /// <summary>Sample folder name, the example it is made from (as in generate.sh), report file.</summary>
    public static TheoryData<string, string, string> Samples()
    {
        var data = new TheoryData<string, string, string>();
        // "examplecam-repo" is built by examples/make-device-repo.sh, not stored: a repository cannot hold another's .git.
        foreach (var (sample, example) in new[] { ("vulnerable-rootfs", "vulnerable-rootfs"), ("clean-rootfs", "clean-rootfs"), ("examplecam-fw", "firmware/examplecam-fw.bin"), ("examplecam-repo", "examplecam-repo"), ("examplecam-fw-declared", "firmware/examplecam-fw.bin") })
        {
            foreach (var file in new[] { "report.json", "report.sarif", "report.html", "report.md", "sbom.cdx.json" })
            {
                data.Add(sample, example, file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Committed_sample_matches_a_fresh_run(string example, string source, string file)
    {
        using var outDir = new TempDirectory();
        var target = source == "examplecam-repo" ? ExampleRepository.Path : Path.Combine(RepositoryPaths.Examples, source);
        string[] declared = example == "examplecam-fw-declared"
            ? ["--declaration", Path.Combine(RepositoryPaths.Examples, "declarations", "examplecam.yaml"), "--waivers", Path.Combine(RepositoryPaths.Examples, "waivers", "examplecam.yaml")]
            : [];
        var (exit, _, error) = await Cli.RunAsync(["audit", target, "--out", outDir.Path, "--format", "json,sarif,html,md,cyclonedx", .. declared]);
        Assert.True(exit == ExitCodes.Ok, error);

        var committed = Path.Combine(RepositoryPaths.Reports, "samples", example, file);
        Assert.True(File.Exists(committed), $"{committed} is missing; run reports/samples/generate.sh");
        var expected = await File.ReadAllTextAsync(committed);
        var actual = await File.ReadAllTextAsync(Path.Combine(outDir.Path, file));
        Assert.True(expected == actual, $"reports/samples/{example}/{file} has drifted from the tool's output; run reports/samples/generate.sh and review the diff");
    }

    [Fact]
    public async Task Copies_of_a_target_in_different_places_give_byte_identical_json_sarif_html_and_markdown()
    {
        using var work = new TempDirectory();
        var first = Path.Combine(work.Path, "a", "vulnerable-rootfs");
        var second = Path.Combine(work.Path, "b", "deeper", "vulnerable-rootfs");
        Copy(Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs"), first);
        Copy(Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs"), second);
        var outA = Path.Combine(work.Path, "out-a");
        var outB = Path.Combine(work.Path, "out-b");

        var runA = await Cli.RunAsync("audit", first, "--out", outA, "--format", "json,sarif,html,md,cyclonedx");
        var runB = await Cli.RunAsync("audit", Path.GetRelativePath(Environment.CurrentDirectory, second), "--out", outB, "--format", "json,sarif,html,md,cyclonedx");

        Assert.Equal(ExitCodes.Ok, runA.ExitCode);
        Assert.Equal(ExitCodes.Ok, runB.ExitCode);
        foreach (var file in new[] { "report.json", "report.sarif", "report.html", "report.md", "sbom.cdx.json" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(outA, file));
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(outB, file)));
            Assert.DoesNotContain(work.Path, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
