using System.IO.Compression;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Analyzers.Tests.Packaging;

/// <summary>
/// The analyzers as a user gets them: the NuGet package's layout, and a project that references them as an analyzer
/// and sees their warnings in its build output. Both build in a private folder, so the tree's outputs are untouched.
/// </summary>
public sealed class PackageAndConsumerTests
{
    [Fact]
    public void The_package_holds_both_assemblies_under_analyzers_and_nothing_under_lib()
    {
        using var work = new TempDirectory();
        var project = Path.Combine(RepositoryPaths.Root, "src", "ComplianceAuditor.Analyzers.CodeFixes");
        var output = Path.Combine(work.Path, "package");

        var (exitCode, log) = DotnetCli.Run(project, "pack", "-c", "Release", "--artifacts-path", Path.Combine(work.Path, "artifacts"), "-o", output);

        Assert.True(exitCode == 0, log);
        var package = Assert.Single(Directory.GetFiles(output, "ComplianceAuditor.Analyzers.*.nupkg"));
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("analyzers/dotnet/cs/ComplianceAuditor.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ComplianceAuditor.Analyzers.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Contains("README.md", entries);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        var manifest = reader.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependency ", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_referencing_the_analyzers_sees_their_warnings_when_it_builds()
    {
        using var work = new TempDirectory();
        var consumer = Path.Combine(RepositoryPaths.Root, "tests", "ComplianceAuditor.Analyzers.Consumer");

        var (exitCode, log) = DotnetCli.Run(consumer, "build", "-c", "Release", "--artifacts-path", Path.Combine(work.Path, "artifacts"), "-p:TreatWarningsAsErrors=false");

        Assert.True(exitCode == 0, log);
        foreach (var id in new[] { "CMP4001", "CMP4002", "CMP4003", "CMP4004", "CMP4005", "CMP4006", "CMP4007", "CMP4008" })
        {
            Assert.Matches($@"Program\.cs\(\d+,\d+\): warning {id}:", log);
        }
    }
}
