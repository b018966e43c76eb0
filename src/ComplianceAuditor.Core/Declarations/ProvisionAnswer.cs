using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Core.Declarations;

/// <summary>
/// The manufacturer's answer to a provision's question: met or not, with the evidence that shows it (a document, a
/// page, a test report) or the justification for not meeting it.
/// </summary>
public sealed record ProvisionAnswer(ProvisionRef Provision, bool Met, string? Evidence, string? Justification);
