using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Scoring;

/// <summary>The verdict of a provision another provision derives from, as it was when that one was judged.</summary>
public sealed record DerivedVerdict(ProvisionRef Provision, Verdict Verdict);
