using System.Text.Json;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.CycloneDx;

/// <summary>
/// The SBOM's <c>dependencies</c>: the containment the component paths show. The top component depends on what lies
/// directly in it (several inputs, or one input's images and files), an image on its file systems, a file system on
/// the packages and programs inside it. Every component gets an entry, an empty one when it holds nothing.
/// </summary>
internal static class CycloneDxDependencies
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<ComponentEntry> components, CycloneDxTop top)
    {
        var children = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal) { [top.Ref] = new(StringComparer.Ordinal) };
        foreach (var component in components)
        {
            children.TryAdd(component.Id, new SortedSet<string>(StringComparer.Ordinal));
        }

        foreach (var component in components.Where(c => c.Id != top.Ref))
        {
            // What no other component holds hangs from the top: the inputs themselves, when there are several.
            var holders = component.ContainedIn.Where(children.ContainsKey).DefaultIfEmpty(top.Ref);
            foreach (var holder in holders)
            {
                children[holder].Add(component.Id);
            }
        }

        json.WriteStartArray("dependencies");
        foreach (var (parent, list) in children)
        {
            json.WriteStartObject();
            json.WriteString("ref", parent);
            json.WriteStartArray("dependsOn");
            foreach (var child in list)
            {
                json.WriteStringValue(child);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
