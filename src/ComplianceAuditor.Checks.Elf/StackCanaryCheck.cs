using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// <c>elf-stack-canary</c>: the code is built with a stack protector, shown by a reference to the canary's failure
/// handler or guard (<c>__stack_chk_fail</c>, <c>__stack_chk_guard</c> on ARM and MIPS, ICC's cookie).
/// </summary>
public sealed class StackCanaryCheck : ElfCheck
{
    private static readonly HashSet<string> CanarySymbols =
        ["__stack_chk_fail", "__stack_chk_fail_local", "__stack_chk_guard", "__intel_security_cookie"];

    public override string Kind => "elf-stack-canary";

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["dynamic symbols", "symbols"];

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        if (!file.HasDynamicSymbols)
        {
            // A static C library brings its own stack-protector support whether or not the program was built with it.
            return CheckOutcome.Inconclusive("statically linked: the C library's own stack-protector support is inside the file either way, so symbols cannot show whether the program uses a canary");
        }

        var found = file.FindDynamicSymbol(CanarySymbols);
        return found is not null
            ? CheckOutcome.Pass($"stack protector in use ({found.Name})", [ElfEvidence.Symbol(found, "the stack protector's runtime support")])
            : CheckOutcome.Fail("no stack protector: no reference to __stack_chk_fail or __stack_chk_guard", [], "no-canary");
    }
}
