using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence;
using ComplianceAuditor.ProcessEvidence.Advisories;
using ComplianceAuditor.ProcessEvidence.Ci;
using ComplianceAuditor.ProcessEvidence.Disclosure;
using ComplianceAuditor.ProcessEvidence.Documentation;
using ComplianceAuditor.ProcessEvidence.Sbom;
using ComplianceAuditor.ProcessEvidence.Support;

namespace ComplianceAuditor.Checks.Repository.Evidence;

/// <summary>
/// The process evidence of one target, parsed once and shared by every repository rule. The engine evaluates a target's
/// target-scope rules one after another with one scratch (AuditEngine.RunTargetAsync), so keeping this in the scratch
/// means the repository is listed once and each parser runs at most once, when the first rule that needs it asks. A
/// parser stopped by a rule's time limit is not remembered, so the next rule starts it afresh within its own limit.
/// </summary>
internal sealed class RepositoryEvidence
{
    private const string ScratchKey = "repository-process-evidence";

    private readonly object _gate = new();
    private readonly Dictionary<string, object> _parts = new(StringComparer.Ordinal);

    private RepositoryEvidence(TargetInventory inventory, DateTimeOffset referenceTime, long readBudget)
    {
        Inventory = inventory;
        ReferenceTime = referenceTime;
        Files = new InventoryRepositoryFiles(inventory, readBudget);
    }

    public TargetInventory Inventory { get; }

    /// <summary>The audit's time: what has expired is judged at it, so a rerun of the same audit agrees.</summary>
    public DateTimeOffset ReferenceTime { get; }

    public InventoryRepositoryFiles Files { get; }

    /// <summary>The evidence of the context's target, made on first use and kept in the target rules' shared scratch.</summary>
    public static RepositoryEvidence Of(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Scratch.GetOrAdd(ScratchKey, () => new RepositoryEvidence(context.Inventory, context.Options.ReferenceTime, InventoryRepositoryFiles.DefaultReadBudget));
    }

    /// <summary>For tests: evidence over an inventory with a chosen read budget.</summary>
    internal static RepositoryEvidence Create(TargetInventory inventory, DateTimeOffset referenceTime, long readBudget) => new(inventory, referenceTime, readBudget);

    public Scanned<SecurityPolicyReport> Policy(CancellationToken cancellationToken) => Get("policy", SecurityPolicy.Read, cancellationToken);

    public Scanned<SecurityTxtDocument?> SecurityTxt(CancellationToken cancellationToken) =>
        Get("security.txt", files => ProcessEvidence.Disclosure.SecurityTxt.Find(files, ReferenceTime), cancellationToken);

    public Scanned<SupportPeriodReport> SupportPeriod(CancellationToken cancellationToken) =>
        Get("support-period", files => ProcessEvidence.Support.SupportPeriod.Find(files, ReferenceTime), cancellationToken);

    public Scanned<SbomReport> Sbom(CancellationToken cancellationToken) => Get("sbom", SbomFiles.Find, cancellationToken);

    public Scanned<CiPracticeReport> Practices(CancellationToken cancellationToken) => Get("practices", CiPractices.Find, cancellationToken);

    public Scanned<IReadOnlyList<KeyCustody>> KeyCustody(CancellationToken cancellationToken)
    {
        var steps = Practices(cancellationToken).Value.Of(CiPractice.ReleaseSigning);
        return Get("key-custody", files => SigningKeyFiles.Judge(steps, files), cancellationToken);
    }

    public Scanned<AdvisoryReport> Advisories(CancellationToken cancellationToken) => Get("advisories", SecurityAdvisories.Find, cancellationToken);

    public Scanned<DocumentationReport> Documentation(CancellationToken cancellationToken) => Get("documentation", UserDocumentation.Find, cancellationToken);

    private Scanned<T> Get<T>(string name, Func<IRepositoryFiles, T> scan, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_parts.TryGetValue(name, out var done))
            {
                return (Scanned<T>)done;
            }

            var mark = Files.ProblemCount;
            Files.Cancellation = cancellationToken;
            try
            {
                var scanned = new Scanned<T>(scan(Files), Files.ProblemsSince(mark));
                _parts[name] = scanned;
                return scanned;
            }
            finally
            {
                Files.Cancellation = CancellationToken.None;
            }
        }
    }
}
