using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ComplianceAuditor.Checks.CSharp.Projects;

/// <summary>
/// The .NET reference assemblies a repository's C# files are compiled against. Package references are not restored
/// (that would mean running the repository's build and reaching the network), so a nanoFramework or Meadow API stays
/// unresolved and the analyzers match it by name; the base library resolves, from the SDK's reference pack when the
/// machine has one, else from the running runtime's own assemblies, which compile the same public surface.
/// </summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<Loaded> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ImmutableArray<MetadataReference> References => Shared.Value.References;

    /// <summary>Where they came from, for the report's method notes.</summary>
    public static string Origin => Shared.Value.Origin;

    private static Loaded Load()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var pack = ReferencePack(runtimeDirectory);
        var directory = pack ?? runtimeDirectory;
        var files = Directory.EnumerateFiles(directory, "*.dll").Order(StringComparer.Ordinal).ToArray();
        var references = ImmutableArray.CreateBuilder<MetadataReference>(files.Length);
        foreach (var file in files)
        {
            // The runtime folder also holds native libraries with a .dll-free name and a few that are not assemblies.
            if (IsManagedAssembly(file))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        var version = Environment.Version;
        return new Loaded(references.ToImmutable(), pack is null
            ? $"the .NET {version.Major}.{version.Minor} runtime's assemblies"
            : $"the .NET {version.Major}.{version.Minor} reference pack");
    }

    /// <summary>
    /// The SDK reference pack for the running runtime's major version: <c>dotnet/packs/Microsoft.NETCore.App.Ref/10.0.x/ref/net10.0</c>,
    /// found from the runtime folder <c>dotnet/shared/Microsoft.NETCore.App/10.0.y</c>.
    /// </summary>
    private static string? ReferencePack(string runtimeDirectory)
    {
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        var major = Environment.Version.Major;
        var tfm = $"net{major}.0";
        return Directory.EnumerateDirectories(packs)
            .Where(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) && v.Major == major)
            .OrderByDescending(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
            .Select(d => Path.Combine(d, "ref", tfm))
            .FirstOrDefault(Directory.Exists);
    }

    private static bool IsManagedAssembly(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return false;
        }
    }

    private sealed record Loaded(ImmutableArray<MetadataReference> References, string Origin);
}
