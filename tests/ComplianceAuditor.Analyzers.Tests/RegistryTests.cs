using System.Reflection;
using ComplianceAuditor.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers.Tests;

/// <summary>
/// The one registry of ids and what must agree with it: the analyzers the compiler finds, the list the CLI runs, the
/// release-tracking file, the rule files the help links name, and the code fixes.
/// </summary>
public sealed class RegistryTests
{
    private static readonly string[] Ids = [.. typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_id_has_one_descriptor_and_every_descriptor_a_registered_analyzer()
    {
        var reported = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Ids, Descriptors.All.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Ids, reported);
    }

    [Fact]
    public void The_cli_list_holds_exactly_the_analyzers_the_compiler_finds_in_the_assembly()
    {
        var attributed = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } a && a.Languages.Contains(LanguageNames.CSharp))
            .Select(t => t.FullName!).Order(StringComparer.Ordinal);

        Assert.Equal(attributed, AllAnalyzers.Create().Select(a => a.GetType().FullName!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Release_tracking_lists_every_id_with_its_category_and_severity()
    {
        var unshipped = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "ComplianceAuditor.Analyzers", "AnalyzerReleases.Unshipped.md"));

        foreach (var descriptor in Descriptors.All)
        {
            var row = Assert.Single(unshipped, l => l.StartsWith(descriptor.Id + " ", StringComparison.Ordinal));
            var cells = row.Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(descriptor.Category, cells[1]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
            Assert.Contains(descriptor.HelpLinkUri, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_help_link_names_a_rule_file_that_reports_that_diagnostic()
    {
        foreach (var descriptor in Descriptors.All)
        {
            var file = Path.Combine(RepositoryPaths.Root, "rules", "csharp", Descriptors.RuleFileName(descriptor));
            Assert.True(File.Exists(file), $"{descriptor.Id}: {file} is missing");
            var text = File.ReadAllText(file);
            Assert.Contains($"id: {descriptor.Id}\n", text, StringComparison.Ordinal);
            Assert.Contains($"diagnostic: {descriptor.Id}\n", text, StringComparison.Ordinal);
        }

        Assert.Equal(Descriptors.All.Count, Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "rules", "csharp"), "CMP4*.yaml").Length);
    }

    [Fact]
    public void Every_code_fix_fixes_ids_of_the_registry()
    {
        var fixes = typeof(ComplianceAuditor.Analyzers.CodeFixes.Transport.TlsVersionCodeFix).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToArray();

        Assert.NotEmpty(fixes);
        Assert.All(fixes, f => Assert.All(f.FixableDiagnosticIds, id => Assert.Contains(id, Ids)));
        Assert.All(fixes, f => Assert.NotNull(f.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>()));
    }
}
