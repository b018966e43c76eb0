using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Core.Declarations;

/// <summary>
/// Audit evidence that contradicts a declared value: when the fact is declared as <see cref="Value"/> and a result of
/// one of <see cref="Rules"/> (or of a rule carrying one of <see cref="Checks"/>) has <see cref="Outcome"/>.
/// </summary>
/// <param name="Says">What the evidence shows, completing "the audit ...".</param>
public sealed record FactContradiction(string Value, IReadOnlyList<string> Rules, IReadOnlyList<string> Checks, Outcome Outcome, string Says);
