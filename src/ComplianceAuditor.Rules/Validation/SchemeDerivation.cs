using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Rules.Validation;

/// <summary>Finds circles in provisions derived from provisions (a depth-first walk, reported once per circle start).</summary>
internal static class SchemeDerivation
{
    public sealed record Cycle(SchemeDefinition Scheme, string Path);

    public static IEnumerable<Cycle> FindCycles(IReadOnlyList<SchemeDefinition> schemes)
    {
        var byRef = schemes
            .SelectMany(s => s.Provisions.Select(p => (Ref: new ProvisionRef(s.Id, p.Id), Scheme: s, Provision: p)))
            .DistinctBy(x => x.Ref)
            .ToDictionary(x => x.Ref);
        var done = new HashSet<ProvisionRef>();
        var found = new List<Cycle>();
        foreach (var start in byRef.Keys)
        {
            Walk(start, [], byRef, done, found);
        }

        return found;
    }

    private static void Walk(
        ProvisionRef at,
        List<ProvisionRef> path,
        Dictionary<ProvisionRef, (ProvisionRef Ref, SchemeDefinition Scheme, ProvisionDefinition Provision)> byRef,
        HashSet<ProvisionRef> done,
        List<Cycle> found)
    {
        if (done.Contains(at) || !byRef.TryGetValue(at, out var node))
        {
            return;
        }

        var index = path.IndexOf(at);
        if (index >= 0)
        {
            found.Add(new Cycle(node.Scheme, string.Join(" → ", path.Skip(index).Append(at))));
            return;
        }

        path.Add(at);
        foreach (var next in node.Provision.DerivedFrom)
        {
            Walk(next, path, byRef, done, found);
        }

        path.RemoveAt(path.Count - 1);
        done.Add(at);
    }
}
