using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// <c>elf-relro</c>: full RELRO, i.e. a PT_GNU_RELRO segment and immediate binding, so the GOT is read-only after
/// start-up. Partial RELRO (no immediate binding) leaves the GOT writable and fails; no RELRO at all fails too.
/// </summary>
public sealed class RelroCheck : ElfCheck
{
    public override string Kind => "elf-relro";

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["program headers", "dynamic section"];

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        var relro = file.Segments.FirstOrDefault(s => s.Type == ElfSegment.PtGnuRelro);
        if (relro is null)
        {
            return CheckOutcome.Fail("no RELRO: there is no PT_GNU_RELRO segment, so relocated data stays writable", [], "none");
        }

        var evidence = new List<Core.Model.EvidenceItem> { ElfEvidence.Segment(file, relro, "the region made read-only after relocation") };
        var isDynamic = file.Segments.Any(s => s.Type == ElfSegment.PtDynamic);
        if (!isDynamic)
        {
            return Static(file, relro, evidence);
        }

        if (file.BindNow)
        {
            evidence.Add(ElfEvidence.Fact("immediate binding requested in the dynamic section", BindNowSource(file)));
            return CheckOutcome.Pass("full RELRO: PT_GNU_RELRO with immediate binding", evidence);
        }

        return CheckOutcome.Fail("partial RELRO: without immediate binding (-z now) the GOT stays writable for lazy binding", evidence, "partial");
    }

    /// <summary>
    /// A static binary has no BIND_NOW to read; what matters is whether its GOT (IRELATIVE targets) ends up inside
    /// the read-only region. Without -z now the linker leaves .got or .got.plt after it, writable for the whole run.
    /// </summary>
    private static CheckOutcome Static(ElfFile file, ElfSegment relro, List<Core.Model.EvidenceItem> evidence)
    {
        if (file.Sections.Count == 0)
        {
            return CheckOutcome.Inconclusive("statically linked without section headers, so whether the GOT lies inside the RELRO region cannot be told");
        }

        var outside = file.Sections
            .Where(s => s.Name is ".got" or ".got.plt" && s.Size > 0)
            .Where(s => s.Address < relro.VirtualAddress || s.Address + s.Size > relro.VirtualAddress + relro.MemorySize)
            .ToArray();
        if (outside.Length == 0)
        {
            return CheckOutcome.Pass("full RELRO: statically linked with its GOT inside the read-only region", evidence);
        }

        evidence.AddRange(outside.Select(s => ElfEvidence.Fact("a GOT section outside the RELRO region", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Name} at 0x{s.Address:x}"))));
        return CheckOutcome.Fail($"partial RELRO: statically linked without -z now, so {string.Join(" and ", outside.Select(s => s.Name))} stays writable", evidence, "partial");
    }

    private static string BindNowSource(ElfFile file) =>
        file.Dynamic.Any(e => e.Tag == ElfDynamicTags.BindNow) ? "BIND_NOW"
        : (file.Flags & ElfDynamicTags.DfBindNow) != 0 ? "FLAGS: BIND_NOW"
        : "FLAGS_1: NOW";
}
