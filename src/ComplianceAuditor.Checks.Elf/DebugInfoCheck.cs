using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// <c>elf-debug-info</c>: release binaries carry no debug information (DWARF sections), which hands an attacker
/// types, variable names and source lines. A remaining symbol table is reported but not failed on.
/// </summary>
public sealed class DebugInfoCheck : ElfCheck
{
    public override string Kind => "elf-debug-info";

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["section headers", "section names"];

    protected override string? NotApplicableReason(ElfFile file) => file.Kind switch
    {
        ElfKind.Relocatable or ElfKind.Core => StandardNotApplicable(file),
        _ => file.Sections.Count == 0 ? "the file has no section headers to carry debug information" : null,
    };

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        var debug = file.Sections
            .Where(s => s.HasFileData && (s.Name.StartsWith(".debug_", StringComparison.Ordinal) || s.Name.StartsWith(".zdebug_", StringComparison.Ordinal)))
            .ToArray();
        var symbols = file.SymbolCount > 0 ? $"; a symbol table (.symtab) with {file.SymbolCount} entries is also present" : "";
        if (debug.Length == 0)
        {
            return CheckOutcome.Pass(file.SymbolCount > 0 ? "no debug information, but the symbol table was not stripped" : "stripped: no debug information and no symbol table");
        }

        return CheckOutcome.Fail(
            $"{debug.Length} debug section(s) present ({string.Join(", ", debug.Take(6).Select(s => s.Name))}){symbols}",
            debug.Take(10).Select(s => ElfEvidence.Fact("a debug information section", s.Name)).ToArray(),
            "debug-info");
    }
}
