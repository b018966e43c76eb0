using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>Rules by id, for looking up a finding's title, rationale and remediation. Only looked up, never iterated.</summary>
internal sealed class RuleIndex
{
    private readonly Dictionary<string, RuleEntry> rules;

    private RuleIndex(Dictionary<string, RuleEntry> rules) => this.rules = rules;

    public static RuleIndex Of(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var map = new Dictionary<string, RuleEntry>(StringComparer.Ordinal);
        foreach (var rule in report.Rules)
        {
            map.TryAdd(rule.Id, rule);
        }

        return new RuleIndex(map);
    }

    public RuleEntry? Find(string id) => rules.GetValueOrDefault(id);
}
