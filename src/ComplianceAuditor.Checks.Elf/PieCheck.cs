using System.Globalization;
using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// <c>elf-pie</c>: an executable is position independent, so ASLR can move its code. Shared libraries are always
/// position independent and are not applicable; telling them apart from PIEs needs more than e_type (see <see cref="ElfFile.Kind"/>).
/// </summary>
public sealed class PieCheck : ElfCheck
{
    public override string Kind => "elf-pie";

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["dynamic section"];

    protected override string? NotApplicableReason(ElfFile file) =>
        StandardNotApplicable(file) ?? (file.Kind == ElfKind.SharedLibrary
            ? "a shared library: libraries are position independent by construction; PIE is a property of executables"
            : null);

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        if (file.Kind == ElfKind.PositionIndependentExecutable)
        {
            return CheckOutcome.Pass("a position-independent executable (ET_DYN)");
        }

        var load = file.Segments.FirstOrDefault(s => s.Type == ElfSegment.PtLoad);
        var where = load is null ? "" : string.Create(CultureInfo.InvariantCulture, $" at the fixed address 0x{load.VirtualAddress:x}");
        return CheckOutcome.Fail(
            $"not position independent: ET_EXEC is always loaded{where}, so ASLR cannot move its code",
            [ElfEvidence.Fact("the file type in the ELF header", "e_type ET_EXEC")],
            "not-pie");
    }
}
