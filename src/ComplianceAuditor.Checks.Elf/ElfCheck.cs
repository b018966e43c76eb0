using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// The shared frame of every ELF check (BinSkim's ElfBinarySkimmer pattern): open the file, turn away unreadable
/// files as inconclusive and file kinds the property does not apply to as not applicable, each with a named
/// reason, and only then ask the check. A defect in a part the check reads makes it inconclusive, naming the defect.
/// </summary>
public abstract class ElfCheck : ICheck
{
    public abstract string Kind { get; }

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Elf];

    public virtual IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude"];

    /// <summary>Parts of the file (as <see cref="ElfProblem.Part"/> names them) whose defects stop this check.</summary>
    protected abstract IReadOnlyCollection<string> RequiredParts { get; }

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Prepared(this, PathSelection.From(rule.Check, required: false), Configure(rule.Check));
    }

    /// <summary>Reads check-specific parameters; the default has none.</summary>
    protected virtual object? Configure(CheckSpec spec) => null;

    /// <summary>Why the property does not apply to this file, or null when it does.</summary>
    protected virtual string? NotApplicableReason(ElfFile file) => StandardNotApplicable(file);

    protected abstract CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration);

    /// <summary>Relocatable objects, kernel modules and core dumps are not programs the loader maps.</summary>
    protected static string? StandardNotApplicable(ElfFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Kind switch
        {
            ElfKind.Relocatable => "a relocatable object (.o): hardening is decided when it is linked",
            ElfKind.KernelModule => "a Linux kernel module: the kernel's own protections apply, not the user-space loader's",
            ElfKind.Core => "a core dump, not a program",
            ElfKind.Other => $"ELF type {file.Header.Type} is neither a program nor a library",
            _ => file.Segments.Count == 0 ? "the file has no program headers, so nothing is loaded from it" : null,
        };
    }

    private sealed class Prepared(ElfCheck check, PathSelection paths, object? configuration) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => paths.IsExplicit;

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            // Parsed once per artifact and shared by every ELF rule; the scratch disposes the mapping afterwards.
            var loaded = context.Scratch.GetOrAdd("elf", () => ElfLoader.Load(context.Artifact, ArtifactBytes.Mapped(context)));
            if (loaded.File is not { } file)
            {
                return CheckOutcome.Inconclusive(loaded.Error!);
            }

            // Defects first: a broken program header table must not read as "no program headers, not applicable".
            var defect = file.Problems.FirstOrDefault(p => check.RequiredParts.Contains(p.Part));
            if (defect is not null)
            {
                return CheckOutcome.Inconclusive($"the file is malformed where this check reads it ({defect})");
            }

            return check.NotApplicableReason(file) is { } reason
                ? CheckOutcome.NotApplicable(reason)
                : check.Evaluate(file, context, configuration);
        }
    }
}
