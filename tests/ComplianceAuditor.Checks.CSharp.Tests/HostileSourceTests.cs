using System.Text;
using ComplianceAuditor.Analyzers;
using ComplianceAuditor.Checks.CSharp.Analysis;
using ComplianceAuditor.Checks.CSharp.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.CSharp.Tests;

/// <summary>Source files and project files made to break a compiler: each gives a result with a reason, never a crash.</summary>
public sealed class HostileSourceTests
{
    [Fact]
    public async Task Deeply_nested_and_very_long_expressions_are_left_out_before_they_reach_the_compiler()
    {
        using var repo = new TempDirectory();
        repo.Write("Nested.cs", "class N { object V = " + new string('(', 20_000) + "1" + new string(')', 20_000) + "; }\n");
        repo.Write("Long.cs", "class L { string V = \"a\"" + string.Concat(Enumerable.Repeat(" + \"a\"", 50_000)) + "; }\n");
        repo.Write("Lambdas.cs", "class F { System.Func<int> V = " + string.Concat(Enumerable.Repeat("() => ", 5_000)) + "1; }\n");

        var results = await CSharpAudit.RunAsync(repo.Path);

        // Compiling them would overflow the compiler's stack, which ends the process: they are left out, and say why.
        Assert.All(results.Where(r => r.Artifact.EndsWith(".cs", StringComparison.Ordinal)), r =>
        {
            Assert.Equal(Outcome.Inconclusive, r.Outcome);
            Assert.Contains("levels deep", r.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Deep_code_is_left_out_and_a_long_rebuilt_path_is_analysed_within_bounds()
    {
        using var repo = new TempDirectory();
        // Passes the update rule's first look (a source and a sink in one method), then nests deeper than any stack.
        repo.Write("Deep.cs", "using System.Net.Http; using System.Reflection; class D { async void M(HttpClient c) { var d = await c.GetByteArrayAsync(\"https://u.example/fw.bin\"); object x = "
            + string.Concat(Enumerable.Repeat("d + ", 20_000)) + "d; if (" + string.Join(" && ", Enumerable.Repeat("d != null", 5_000)) + ") Assembly.Load(d); } }\n");
        // A path built a thousand times over, which an unbounded evaluation of its values would take exponential time for.
        repo.Write("Paths.cs", "using System.IO; using System.Net.Http; class P { async void M(HttpClient c) { var d = await c.GetByteArrayAsync(\"https://u.example/fw\"); var p = \"/tmp/\"; "
            + string.Concat(Enumerable.Repeat("p = p + \"x\"; ", 1_000)) + "File.WriteAllBytes(p + \".bin\", d); } }\n");

        var results = await CSharpAudit.RunAsync(repo.Path);

        Assert.All(results.Where(r => r.Artifact.EndsWith("/Deep.cs", StringComparison.Ordinal)), r => Assert.Equal(Outcome.Inconclusive, r.Outcome));
        // The path is not deep, only long: it is analysed, within the path evaluation's budget.
        Assert.All(results.Where(r => r.Artifact.EndsWith("/Paths.cs", StringComparison.Ordinal)),
            r => Assert.True(r.Outcome is Outcome.Pass or Outcome.Fail, $"{r.RuleId}: {r.Outcome} {r.Reason}"));
    }

    [Fact]
    public async Task Binary_content_named_cs_and_a_broken_project_file_are_reported()
    {
        using var repo = new TempDirectory();
        repo.Write("app/App.csproj", "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><Project>&b;</Project>");
        repo.Write("app/Blob.cs", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
        repo.Write("app/Fine.cs", "class Fine { }\n");

        var results = await CSharpAudit.RunAsync(repo.Path, null, DiagnosticIds.HardCodedCredential);

        var blob = CSharpAudit.On(results, DiagnosticIds.HardCodedCredential, "app/Blob.cs");
        Assert.True(blob.Outcome is Outcome.Inconclusive or Outcome.NotApplicable, blob.Reason);
        Assert.Equal(Outcome.Pass, CSharpAudit.On(results, DiagnosticIds.HardCodedCredential, "app/Fine.cs").Outcome);
    }

    [Fact]
    public void Files_past_the_size_bounds_are_named_as_not_analysed()
    {
        using var repo = new TempDirectory();
        repo.Write("a/Big.cs", "class Big { }\n" + new string(' ', 5000));
        repo.Write("b/Small.cs", "class Small { }\n");
        repo.Write("c/Late.cs", "class Late { }\n");
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([repo.Path], TargetKind.Repo)[0], new InventoryOptions(), CancellationToken.None);
        var settings = new AnalysisSettings { Analyzers = AllAnalyzers.Create(), MaxFileBytes = 1000, MaxTotalBytes = 20 };

        var analysis = TargetAnalysis.Run(inventory, settings, CancellationToken.None);

        Assert.Contains("more than the 1,000 bytes", analysis.Files.Single(f => f.Key.EndsWith("a/Big.cs", StringComparison.Ordinal)).Value.NotAnalysed, StringComparison.Ordinal);
        Assert.Null(analysis.Files.Single(f => f.Key.EndsWith("b/Small.cs", StringComparison.Ordinal)).Value.NotAnalysed);
        Assert.Contains("more C# source than", analysis.Files.Single(f => f.Key.EndsWith("c/Late.cs", StringComparison.Ordinal)).Value.NotAnalysed, StringComparison.Ordinal);
    }

    [Fact]
    public void An_analysis_out_of_time_makes_every_result_inconclusive_with_the_limit()
    {
        using var repo = new TempDirectory();
        for (var i = 0; i < 50; i++)
        {
            repo.Write($"F{i}.cs", new StringBuilder().Append("class C").Append(i).Append(" { void M() { var x = 1; } }\n").ToString());
        }

        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([repo.Path], TargetKind.Repo)[0], new InventoryOptions(), CancellationToken.None);
        var settings = new AnalysisSettings { Analyzers = AllAnalyzers.Create(), Timeout = TimeSpan.FromTicks(1) };

        var analysis = TargetAnalysis.Run(inventory, settings, CancellationToken.None);

        Assert.Contains("time limit", analysis.Failure, StringComparison.Ordinal);
    }
}
