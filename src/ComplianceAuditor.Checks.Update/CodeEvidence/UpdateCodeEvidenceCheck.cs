using ComplianceAuditor.Checks.Elf;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Update.CodeEvidence;

/// <summary>
/// <c>update-code-evidence</c>: in a program that receives updates (an OTA entry point among its symbols or
/// strings), <c>find: verification</c> asks for a signature verifier and <c>find: anti-rollback</c> for code that
/// reads or raises a rollback counter. With symbols, their absence is a failure and the entry points are the
/// evidence. A stripped program cannot prove an absence: it passes on strings the verifier leaves behind, and is
/// otherwise inconclusive.
/// </summary>
public sealed class UpdateCodeEvidenceCheck : ElfCheck
{
    public override string Kind => "update-code-evidence";

    public override IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "find"];

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["symbols", "dynamic symbols", "section headers"];

    protected override object? Configure(CheckSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var find = spec.GetString("find");
        return find is "verification" or "anti-rollback"
            ? find
            : throw new CheckParameterException("find", $"check.find '{find}' is not one of verification, anti-rollback");
    }

    // Bare-metal firmware ELFs often have no program headers worth judging; the symbols are what matters here.
    protected override string? NotApplicableReason(ElfFile file) =>
        file.Kind is ElfKind.Relocatable or ElfKind.Core ? "not a linked program" : null;

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        var scan = context.Scratch.GetOrAdd("update-code", () => UpdateCodeScan.Of(file));
        if (!scan.HasEntryPoint)
        {
            return CheckOutcome.NotApplicable("no update entry point (OTA, DFU or firmware-upgrade API) among its symbols or strings");
        }

        var entries = scan.EntryPoints.Count > 0 ? scan.EntryPoints : [.. scan.EntryPointStrings.Select(s => s.Text)];
        var entryEvidence = scan.EntryPoints.Count > 0
            ? scan.EntryPoints.Take(5).Select(e => Symbol(e, "update entry point")).ToList()
            : scan.EntryPointStrings.Take(5).Select(s => Bytes(s, "text an update entry point leaves in the program")).ToList();
        var antiRollback = (string)configuration! == "anti-rollback";
        var found = antiRollback ? scan.AntiRollback : scan.Verifiers;
        var what = antiRollback ? "anti-rollback code (reading or raising a security counter)" : "signature verifier";
        if (found.Count > 0)
        {
            return CheckOutcome.Pass($"updates through {entries[0]} and has {(antiRollback ? what : "a " + what)}: {string.Join(", ", found.Take(5))}",
                [.. entryEvidence, .. found.Take(5).Select(f => Symbol(f, antiRollback ? "anti-rollback function" : "signature verifier"))]);
        }

        // Messages count only where symbols cannot: TLS stacks print similar words, and with a symbol table the
        // verifier's name would be there.
        if (!antiRollback && !scan.HasSymbols && scan.VerifierStrings.Count > 0)
        {
            return CheckOutcome.Pass($"updates through {entries[0]}; no verifier symbol, but the verifier's messages are present: {string.Join(", ", scan.VerifierStrings.Select(s => s.Text))}",
                [.. entryEvidence, .. scan.VerifierStrings.Select(s => Bytes(s, "a message a signature verifier prints"))]);
        }

        if (!scan.HasSymbols)
        {
            return CheckOutcome.Inconclusive($"updates through {entries[0]} but is stripped: without symbols the absence of {what} cannot be shown");
        }

        return CheckOutcome.Fail($"updates through {string.Join(", ", entries.Take(3))} but contains no {what} among its symbols",
            entryEvidence, (antiRollback ? "no-anti-rollback:" : "no-verifier:") + string.Join(',', entries));
    }

    private static EvidenceItem Symbol(string name, string description) => new() { Kind = "symbol", Description = description, Symbol = name };

    private static EvidenceItem Bytes((string Text, long Offset) found, string description) =>
        new() { Kind = "bytes", Description = description, Excerpt = found.Text, ByteOffset = found.Offset, ByteLength = found.Text.Length };
}
