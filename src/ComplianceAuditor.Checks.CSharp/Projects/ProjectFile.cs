using System.Xml;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Checks.CSharp.Projects;

/// <summary>
/// What a compilation needs from an MSBuild project file (<c>.csproj</c>, nanoFramework's <c>.nfproj</c>): its SDK,
/// implicit usings, constants and project references. The file is untrusted: it is read as plain XML with DTDs
/// refused and a size bound, never evaluated (no imports, no conditions, no property functions), so a value that
/// comes from a property (<c>$(X)</c>) is left out.
/// </summary>
internal sealed record ProjectFile
{
    /// <summary>Project files beyond this are not read; the project is compiled with defaults.</summary>
    public const int MaxBytes = 1 << 20;

    public required string RelativePath { get; init; }

    public string Sdk { get; init; } = "";

    public bool ImplicitUsings { get; init; }

    public IReadOnlyList<string> DefineConstants { get; init; } = [];

    /// <summary>Referenced project files, as target-relative paths (resolved against this file's folder).</summary>
    public IReadOnlyList<string> ProjectReferences { get; init; } = [];

    /// <summary>Why the file could not be read, when it could not; the project is then compiled with defaults.</summary>
    public string? Problem { get; init; }

    public string Directory => RelativePath.Contains('/', StringComparison.Ordinal) ? RelativePath[..RelativePath.LastIndexOf('/')] : "";

    public static ProjectFile Read(string relativePath, Stream content)
    {
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxBytes,
                IgnoreComments = true,
            };
            using var reader = XmlReader.Create(content, settings);
            var sdk = "";
            var implicitUsings = false;
            var constants = new List<string>();
            var references = new List<string>();
            // Content reads move the reader past the element themselves; every other branch moves it on by one.
            var groupCondition = "";
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Project" when reader.Depth == 0:
                        sdk = reader.GetAttribute("Sdk") ?? "";
                        reader.Read();
                        break;
                    case "PropertyGroup":
                        groupCondition = reader.GetAttribute("Condition") ?? "";
                        reader.Read();
                        break;
                    case "ImplicitUsings":
                        var value = reader.ReadElementContentAsString().Trim();
                        implicitUsings = value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "DefineConstants":
                        // A release build does not see what only the Debug configuration defines.
                        var debugOnly = IsDebugOnly(groupCondition) || IsDebugOnly(reader.GetAttribute("Condition") ?? "");
                        var defined = reader.ReadElementContentAsString();
                        if (!debugOnly)
                        {
                            constants.AddRange(defined.Split(';', ',').Select(c => c.Trim()).Where(c => c.Length > 0 && !c.Contains('$', StringComparison.Ordinal)));
                        }

                        break;
                    case "ProjectReference" when reader.GetAttribute("Include") is { Length: > 0 } include && !include.Contains('$', StringComparison.Ordinal):
                        references.Add(Resolve(relativePath, include));
                        reader.Read();
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }

            return new ProjectFile
            {
                RelativePath = relativePath,
                Sdk = sdk,
                ImplicitUsings = implicitUsings,
                DefineConstants = constants.Distinct(StringComparer.Ordinal).ToArray(),
                ProjectReferences = references.Distinct(StringComparer.Ordinal).ToArray(),
            };
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or IOException)
        {
            return new ProjectFile { RelativePath = relativePath, Problem = $"the project file could not be read ({e.Message}); the project was compiled with defaults" };
        }
    }

    private static bool IsDebugOnly(string condition) => condition.Contains("Debug", StringComparison.OrdinalIgnoreCase);

    /// <summary>A path written in the project (backslashes, <c>..</c>) as a target-relative path; empty when it leaves the target.</summary>
    internal static string Resolve(string projectPath, string include)
    {
        var folder = projectPath.Contains('/', StringComparison.Ordinal) ? projectPath[..projectPath.LastIndexOf('/')] : "";
        return TreePath.Combine(folder, include.Replace('\\', '/'))?.TrimStart('/') ?? "";
    }
}
