using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Repository;

/// <summary>
/// The frame of every repository check: one result per target, from the process evidence the target's rules share
/// (<see cref="RepositoryEvidence"/>), and no parameters, because each kind asks one question.
/// </summary>
internal abstract class RepositoryCheck(string kind, string looksAt) : ICheck
{
    public string Kind { get; } = kind;

    public CheckScope Scope => CheckScope.Target;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [];

    public IReadOnlyCollection<string> Parameters { get; } = [];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Prepared(this, looksAt);
    }

    /// <summary>Decides the rule from the target's evidence.</summary>
    public abstract CheckOutcome Judge(RepositoryEvidence evidence, CancellationToken cancellationToken);

    private sealed class Prepared(RepositoryCheck check, string looksAt) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => true;

        public string DescribeSelection() => looksAt;

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken) =>
            check.Judge(RepositoryEvidence.Of(context), cancellationToken);
    }
}
