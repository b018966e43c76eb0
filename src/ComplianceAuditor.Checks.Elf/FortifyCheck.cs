using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// <c>elf-fortify</c>: code built with FORTIFY_SOURCE calls the checked variants (<c>__memcpy_chk</c>) of the
/// functions it uses. Counts fortified calls against fortifiable ones (plain calls that have a checked variant),
/// judged against the image's own C library when it has one (musl offers none, so nothing can be fortified),
/// else against glibc's list.
/// </summary>
public sealed class FortifyCheck : ElfCheck
{
    public override string Kind => "elf-fortify";

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["dynamic symbols", "symbols"];

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        var libc = ImageLibc.For(context.Inventory);
        if (libc is not null && libc.FortifiedExports.Count == 0)
        {
            return CheckOutcome.NotApplicable($"the image's C library ({libc.Path}) provides no fortified functions, so FORTIFY_SOURCE cannot take effect");
        }

        if (!file.HasDynamicSymbols)
        {
            // The C library is inside a static file, with its own __*_chk definitions next to the plain functions,
            // so its symbols cannot show which calls the program itself makes.
            return CheckOutcome.Inconclusive("statically linked: the C library's own fortified functions are inside the file, so the program's calls cannot be counted from symbols");
        }

        var names = file.Imports.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var checkedSet = libc?.FortifiedExports ?? FortifiedFunctions.Glibc;
        var fortified = names.Where(checkedSet.Contains).Order(StringComparer.Ordinal).ToArray();
        var fortifiable = checkedSet.Select(FortifiedFunctions.Unfortified).OfType<string>().Where(names.Contains).Order(StringComparer.Ordinal).ToArray();
        var against = libc is null ? "glibc's list" : libc.Path;

        if (fortified.Length == 0 && fortifiable.Length == 0)
        {
            return CheckOutcome.NotApplicable("the file calls none of the functions FORTIFY_SOURCE protects");
        }

        var counts = string.Create(CultureInfo.InvariantCulture, $"{fortified.Length} fortified, {fortifiable.Length} unfortified fortifiable (counted against {against})");
        if (fortified.Length > 0)
        {
            return CheckOutcome.Pass(counts, fortified.Take(10).Select(n => new EvidenceItem { Kind = "symbol", Symbol = n, Description = "a fortified call" }).ToArray());
        }

        return CheckOutcome.Fail(
            $"not built with FORTIFY_SOURCE: {counts}",
            fortifiable.Take(10).Select(n => new EvidenceItem { Kind = "symbol", Symbol = n, Description = "a call that has a fortified variant" }).ToArray(),
            "not-fortified");
    }
}
