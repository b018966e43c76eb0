using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Core.Declarations;

/// <summary>
/// A manufacturer's declaration file: facts about the device and answers to provision questions. It settles what a
/// tool cannot see; the audit reports where its evidence contradicts it.
/// </summary>
public sealed record Declaration
{
    /// <summary>The file as the user named it, for reports.</summary>
    public required string Source { get; init; }

    /// <summary>SHA-256 of the file, so a report names exactly which declaration it used.</summary>
    public required string Sha256 { get; init; }

    public ProductIdentity Product { get; init; } = new();

    public IReadOnlyList<DeclaredFact> Facts { get; init; } = [];

    public IReadOnlyList<ProvisionAnswer> Answers { get; init; } = [];

    public DeclaredFact? Fact(string id) => Facts.FirstOrDefault(f => string.Equals(f.Fact, id, StringComparison.Ordinal));

    public ProvisionAnswer? Answer(ProvisionRef provision) => Answers.FirstOrDefault(a => a.Provision == provision);

    /// <summary>No declaration: every condition unknown, every question unanswered.</summary>
    public static Declaration None { get; } = new() { Source = "", Sha256 = "" };

    public bool IsNone => Source.Length == 0;
}
