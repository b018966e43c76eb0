using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Components;

/// <summary>
/// Keeps "contained in" free of cycles. Paths alone cannot make one (a holder's path is a strict prefix), but holding
/// within one file can: crafted files can make libssl.so.3 carry curl's banner while /usr/bin/curl carries OpenSSL's, so
/// each would hold the other, and the SBOM's dependencies would loop.
/// </summary>
internal static class ContainmentCycles
{
    /// <summary>
    /// The components with every holder edge kept that does not close a cycle. Edges are taken in the components'
    /// sorted order, then each component's sorted holders, and one is dropped when its holder is already (through edges
    /// kept so far) inside the component: the same components give the same result whatever order they were found in.
    /// </summary>
    public static ComponentEntry[] Break(IReadOnlyList<ComponentEntry> components)
    {
        var kept = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var result = new ComponentEntry[components.Count];
        for (var i = 0; i < components.Count; i++)
        {
            var component = components[i];
            var holders = component.ContainedIn.Where(h => !IsInside(h, component.Id, kept)).ToArray();
            kept[component.Id] = holders;
            result[i] = holders.Length == component.ContainedIn.Count ? component : component with { ContainedIn = holders };
        }

        return result;
    }

    /// <summary>True when <paramref name="id"/> is <paramref name="ancestor"/> or lies, through kept edges, inside it.</summary>
    private static bool IsInside(string id, string ancestor, Dictionary<string, IReadOnlyList<string>> kept)
    {
        // Each component is visited once, so the walk ends even on a graph of thousands of components.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(id);
        while (pending.TryPop(out var current))
        {
            if (current == ancestor)
            {
                return true;
            }

            if (seen.Add(current) && kept.TryGetValue(current, out var holders))
            {
                foreach (var holder in holders)
                {
                    pending.Push(holder);
                }
            }
        }

        return false;
    }
}
