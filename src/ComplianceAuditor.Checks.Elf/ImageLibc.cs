using System.Runtime.CompilerServices;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Elf;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// The C library shipped in the same target, and the fortified functions it exports. Found once per target
/// (cached against the inventory), because every binary of the image is counted against it.
/// </summary>
internal sealed record ImageLibc(string Path, IReadOnlySet<string> FortifiedExports)
{
    private static readonly string[] Names = ["libc.so.6", "libc.so.0", "libc.so", "libuClibc-*.so", "libc-*.so", "ld-musl-*.so.1", "libc.musl-*.so.1"];
    private static readonly ConditionalWeakTable<TargetInventory, Lazy<ImageLibc?>> Cache = [];

    public static ImageLibc? For(TargetInventory inventory) =>
        Cache.GetValue(inventory, i => new Lazy<ImageLibc?>(() => Find(i), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static ImageLibc? Find(TargetInventory inventory)
    {
        var candidates = inventory.Artifacts
            .Where(a => a.Kind == ArtifactKind.Elf && Names.Any(n => Matches(n, System.IO.Path.GetFileName(a.RelativePath))))
            .OrderBy(a => Array.FindIndex(Names, n => Matches(n, System.IO.Path.GetFileName(a.RelativePath))))
            .ThenBy(a => a.Path, StringComparer.Ordinal);
        foreach (var artifact in candidates)
        {
            using var loaded = ElfLoader.Load(artifact);
            if (loaded.File is { Kind: ElfKind.SharedLibrary or ElfKind.PositionIndependentExecutable } file)
            {
                var exports = file.Exports.Select(s => s.Name).Where(n => FortifiedFunctions.Unfortified(n) is not null).ToHashSet(StringComparer.Ordinal);
                return new ImageLibc(artifact.Path, exports);
            }
        }

        return null;
    }

    private static bool Matches(string pattern, string name)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        return star < 0
            ? name == pattern
            : name.Length >= pattern.Length - 1 && name.StartsWith(pattern[..star], StringComparison.Ordinal) && name.EndsWith(pattern[(star + 1)..], StringComparison.Ordinal);
    }
}
