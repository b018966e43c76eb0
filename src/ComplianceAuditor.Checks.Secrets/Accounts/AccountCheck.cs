using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Secrets.Accounts;

/// <summary>
/// The frame of the account-file checks: read the file once per artifact, turn away files that are not account
/// files and files that cannot be read, each with its reason, and hand the accounts to the check.
/// </summary>
public abstract class AccountCheck : ICheck
{
    public abstract string Kind { get; }

    public CheckScope Scope => CheckScope.Artifact;

    /// <summary>Binary too: a passwd file with garbage in it sniffs as binary, and its good lines still count.</summary>
    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Text, ArtifactKind.Binary];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Prepared(this, PathSelection.From(rule.Check, required: true));
    }

    /// <summary>Formats the check reads (<see cref="AccountTable.Passwd"/> and the others).</summary>
    internal abstract IReadOnlyCollection<string> Formats { get; }

    internal abstract CheckOutcome Evaluate(AccountTable table, CheckContext context, CancellationToken cancellationToken);

    private sealed class Prepared(AccountCheck check, PathSelection paths) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => true;

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            var format = AccountTable.FormatOf(context.Artifact.RelativePath);
            if (format is null || !check.Formats.Contains(format))
            {
                return CheckOutcome.NotApplicable(format is null
                    ? "the file name is not that of an account file this rule reads"
                    : $"a {format}, which this rule does not read");
            }

            var table = context.Scratch.GetOrAdd("accounts", () => AccountTable.Read(context.Artifact));
            if (table.Accounts.Count == 0 && table.Error is { } error)
            {
                return CheckOutcome.Inconclusive(error);
            }

            return check.Evaluate(table, context, cancellationToken);
        }
    }
}
