using ComplianceAuditor.Comparison.Reading;

namespace ComplianceAuditor.Comparison;

/// <summary>Compares an old report with a new one. Pure: no IO, the same two reports always give the same result.</summary>
public static class ReportComparer
{
    public static ReportComparison Compare(ReportDocument old, ReportDocument @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var schemes = SchemeComparer.CompareSchemes(old.Schemes, @new.Schemes);
        var provisions = SchemeComparer.CompareProvisions(old.Schemes, @new.Schemes);
        var findings = FindingComparer.Compare(old.Results, @new.Results);
        var summary = new ComparisonSummary(
            ChangeCounts.Of(schemes.Select(s => s.Kind)),
            ChangeCounts.Of(provisions.Select(p => p.Kind)),
            FindingCounts.Of(findings.Select(f => f.Kind)));
        return new ReportComparison(old.Identity, @new.Identity, schemes, provisions, findings, summary);
    }
}
