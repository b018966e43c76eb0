using ComplianceAuditor.Checks.CSharp.Projects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>
/// Makes the compilation of one project the way a release build would see its sources: the project's constants plus
/// RELEASE and TRACE (so <c>#if DEBUG</c> code is left out, as in what ships), its implicit usings, the framework
/// references, and the compilations of the projects it references. Nothing is restored or built; whatever does not
/// resolve stays an error the analyzers work around.
/// </summary>
internal static class ProjectCompiler
{
    private static readonly string[] SdkUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly string[] WorkerUsings =
        ["Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"];

    public static CSharpParseOptions ParseOptions(ProjectFile? project) =>
        new(LanguageVersion.Preview, DocumentationMode.None, SourceCodeKind.Regular,
            ["RELEASE", "TRACE", .. project?.DefineConstants.Where(c => c != "DEBUG") ?? []]);

    public static CSharpCompilation Compile(
        string name, ProjectFile? project, IReadOnlyList<SyntaxTree> trees, IEnumerable<MetadataReference> projectReferences, CSharpParseOptions parseOptions)
    {
        var all = new List<SyntaxTree>(trees);
        if (project is { ImplicitUsings: true })
        {
            all.Add(CSharpSyntaxTree.ParseText(GlobalUsings(project.Sdk), parseOptions, path: "/.implicit-usings.g.cs"));
        }

        // Top-level statements need an executable; a library is the safer default for everything else.
        var kind = trees.Any(t => t.GetRoot() is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any())
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var options = new CSharpCompilationOptions(kind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true);
        return CSharpCompilation.Create(AssemblyName(name), all, [.. FrameworkReferences.References, .. projectReferences], options);
    }

    private static string GlobalUsings(string sdk)
    {
        IEnumerable<string> namespaces = SdkUsings;
        if (sdk.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
        {
            namespaces = namespaces.Concat(WebUsings);
        }
        else if (sdk.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
        {
            namespaces = namespaces.Concat(WorkerUsings);
        }

        return string.Concat(namespaces.Distinct(StringComparer.Ordinal).Select(n => $"global using global::{n};\n"));
    }

    private static string AssemblyName(string project)
    {
        var file = project[(project.LastIndexOf('/') + 1)..];
        var dot = file.LastIndexOf('.');
        var stem = dot > 0 ? file[..dot] : file;
        var clean = new string(stem.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray());
        return clean.Length == 0 ? "project" : clean;
    }
}
