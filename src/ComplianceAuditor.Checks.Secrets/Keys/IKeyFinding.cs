using ComplianceAuditor.Engine;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>What one crypto-material rule looks for (<c>check.find</c>) among the items of a file.</summary>
internal interface IKeyFinding
{
    /// <summary>The items that fail the rule, each with the reason it does.</summary>
    IReadOnlyList<(KeyMaterialItem Item, string Reason)> Judge(IReadOnlyList<KeyMaterialItem> items, CheckContext context);

    /// <summary>Says what a pass means, for a file that holds key material but nothing this rule fails.</summary>
    string PassWith(int items);
}
