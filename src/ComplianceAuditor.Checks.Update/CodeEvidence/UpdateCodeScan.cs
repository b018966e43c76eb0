using System.Text;
using ComplianceAuditor.Elf;
using ComplianceAuditor.Elf.Evidence;

namespace ComplianceAuditor.Checks.Update.CodeEvidence;

/// <summary>
/// What one ELF file shows of an update path: entry points, verifiers, anti-rollback code, by symbol or string.
/// <see cref="HasSymbols"/> means a full symbol table: a stripped program keeps only its imports and exports, so a
/// verifier linked into it leaves no name behind.
/// </summary>
internal sealed record UpdateCodeScan(
    IReadOnlyList<string> EntryPoints,
    IReadOnlyList<string> Verifiers,
    IReadOnlyList<string> AntiRollback,
    IReadOnlyList<(string Text, long Offset)> EntryPointStrings,
    IReadOnlyList<(string Text, long Offset)> VerifierStrings,
    bool HasSymbols)
{
    public static UpdateCodeScan Of(ElfFile file)
    {
        // Every symbol the file names: its own (static table) and those it imports or exports (dynamic table).
        var names = file.Symbols.Concat(file.DynamicSymbols).Select(s => s.Name).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        return new UpdateCodeScan(
            Matching(names, UpdateCodeNames.EntryPoints, UpdateCodeNames.EntryPointFragments),
            Matching(names, UpdateCodeNames.Verifiers, UpdateCodeNames.VerifierFragments),
            Matching(names, UpdateCodeNames.AntiRollback, []),
            Present(file.Bytes.Span, UpdateCodeNames.EntryPointStrings),
            Present(file.Bytes.Span, UpdateCodeNames.VerifierStrings),
            file.SymbolCount > 1);
    }

    /// <summary>
    /// Whether the program has an update path: an entry-point symbol, or, only when it is stripped, an entry point's
    /// text. With a symbol table the text alone is weak (a library's message linked in, its functions not).
    /// </summary>
    public bool HasEntryPoint => EntryPoints.Count > 0 || (!HasSymbols && EntryPointStrings.Count > 0);

    private static string[] Matching(HashSet<string> names, System.Collections.Frozen.FrozenSet<string> exact, IReadOnlyList<string> fragments) =>
        [.. names.Where(n => exact.Contains(n) || fragments.Any(f => n.Contains(f, StringComparison.Ordinal))).Order(StringComparer.Ordinal).Take(20)];

    private static (string, long)[] Present(ReadOnlySpan<byte> bytes, IReadOnlyList<string> markers)
    {
        var found = new List<(string, long)>();
        foreach (var marker in markers)
        {
            if (ByteSearch.FindAll(bytes, Encoding.ASCII.GetBytes(marker), maxCount: 1) is [var offset, ..])
            {
                found.Add((marker, offset));
            }
        }

        return [.. found];
    }
}
