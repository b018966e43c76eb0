using System.Globalization;
using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// <c>elf-cfi</c>: hardware control-flow protection is enabled where the architecture has it: Intel CET (IBT and
/// shadow stack) on x86, BTI and pointer authentication on AArch64, read from <c>.note.gnu.property</c>.
/// </summary>
public sealed class ControlFlowProtectionCheck : ElfCheck
{
    private static readonly string[] X86Names = ["IBT", "SHSTK"];
    private static readonly string[] AArch64Names = ["BTI", "PAC"];

    public override string Kind => "elf-cfi";

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["notes"];

    protected override string? NotApplicableReason(ElfFile file) =>
        StandardNotApplicable(file) ?? (file.Header.Machine is ElfMachines.X86 or ElfMachines.X8664 or ElfMachines.AArch64
            ? null
            : $"{file.Header.MachineName} has no control-flow protection marked in ELF properties (it exists for x86 and AArch64)");

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        var p = file.GnuProperties;
        var arm = file.Header.Machine == ElfMachines.AArch64;
        var (features, names, present) = arm
            ? (p.AArch64Features, AArch64Names, new[] { p.AArch64Bti, p.AArch64Pac })
            : (p.X86Features, X86Names, new[] { p.X86Ibt, p.X86Shstk });
        var absent = names.Where((_, i) => !present[i]).ToArray();
        var evidence = features is { } f
            ? [ElfEvidence.Fact("feature bits in .note.gnu.property", string.Create(CultureInfo.InvariantCulture, $"feature_1_and 0x{f:x}"))]
            : Array.Empty<Core.Model.EvidenceItem>();
        return absent.Length == 0
            ? CheckOutcome.Pass($"control-flow protection enabled ({string.Join(", ", names)})", evidence)
            : CheckOutcome.Fail($"control-flow protection missing: {string.Join(", ", absent)}", evidence, string.Join(',', absent));
    }
}
