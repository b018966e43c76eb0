using ComplianceAuditor.Engine;
using ComplianceAuditor.KeyMaterial.Parsing;
using ComplianceAuditor.KeyMaterial.Weakness;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary><c>find: weak-keys</c>: keys too short for current guidance, certificates signed with a broken hash.</summary>
internal sealed class WeakKeyFinding : IKeyFinding
{
    public IReadOnlyList<(KeyMaterialItem Item, string Reason)> Judge(IReadOnlyList<KeyMaterialItem> items, CheckContext context) =>
        items.Select(i => (Item: i, Weakness: KeyStrength.Assess(i)))
            .Where(x => x.Weakness is not null)
            .Select(x => (x.Item, $"{KeyDescription.Of(x.Item)}: {x.Weakness}"))
            .ToArray();

    public string PassWith(int items) => $"{items} key or certificate item(s), all of current strength";
}
