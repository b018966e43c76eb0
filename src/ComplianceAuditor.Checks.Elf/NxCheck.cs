using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary><c>elf-nx</c>: the stack must not be executable (PT_GNU_STACK present and without the E flag).</summary>
public sealed class NxCheck : ElfCheck
{
    public override string Kind => "elf-nx";

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["program headers"];

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        var stack = file.Segments.FirstOrDefault(s => s.Type == ElfSegment.PtGnuStack);
        if (stack is null)
        {
            // Without the header, Linux falls back to an executable stack on most architectures (READ_IMPLIES_EXEC on x86).
            return CheckOutcome.Fail("there is no PT_GNU_STACK program header, so the kernel maps the stack executable", [], "no-gnu-stack");
        }

        var evidence = ElfEvidence.Segment(file, stack, "the program header that sets the stack's permissions");
        return stack.IsExecutable
            ? CheckOutcome.Fail("PT_GNU_STACK asks for an executable stack", [evidence], "executable-stack")
            : CheckOutcome.Pass("PT_GNU_STACK keeps the stack non-executable", [evidence]);
    }
}
