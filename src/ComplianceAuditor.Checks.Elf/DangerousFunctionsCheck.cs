using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// <c>elf-dangerous-functions</c>: the file imports none of the listed functions (<c>check.functions</c>: gets,
/// strcpy, sprintf, system, popen...). The imports are the evidence. A statically linked file imports nothing (its C
/// library is inside it), so the rule does not apply to it, and says so.
/// </summary>
public sealed class DangerousFunctionsCheck : ElfCheck
{
    public override string Kind => "elf-dangerous-functions";

    public override IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "functions"];

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["dynamic section", "dynamic symbols"];

    protected override object? Configure(CheckSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var functions = spec.GetStringList("functions");
        return functions.Count > 0
            ? functions.ToHashSet(StringComparer.Ordinal)
            : throw new CheckParameterException("functions", "check.functions needs at least one function name");
    }

    protected override string? NotApplicableReason(ElfFile file) =>
        StandardNotApplicable(file) ?? (!file.HasDynamicSymbols
            ? "statically linked (no dynamic symbols): it imports nothing, and which C library functions it calls cannot be told from its symbols"
            : null);

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        var functions = (HashSet<string>)configuration!;
        var used = file.Imports.Where(s => functions.Contains(s.Name)).DistinctBy(s => s.Name).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
        return used.Length == 0
            ? CheckOutcome.Pass("imports none of the listed functions")
            : CheckOutcome.Fail(
                $"imports {string.Join(", ", used.Select(s => s.Name))}",
                used.Select(s => ElfEvidence.Symbol(s, "an imported function that is easy to misuse")).ToArray(),
                string.Join(',', used.Select(s => s.Name)));
    }
}
