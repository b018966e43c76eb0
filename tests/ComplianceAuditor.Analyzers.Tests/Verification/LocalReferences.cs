using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Verification;

/// <summary>
/// The running runtime's framework assemblies as compile references. The testing library would otherwise download a
/// reference pack through NuGet while the tests run; these are on the machine already.
/// </summary>
internal static class LocalReferences
{
    /// <summary>A reference set with no package, so nothing is resolved or downloaded.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0-local");

    public static ImmutableArray<MetadataReference> Framework { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        return [.. trusted
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
