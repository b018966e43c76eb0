using System.Text.Json;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.CycloneDx;

/// <summary>
/// One entry of the SBOM's <c>components</c>: identity (type, name, version, purl, CPE, hash), stated licences, and
/// evidence: how it was identified and every artifact path it was seen at.
/// </summary>
internal static class CycloneDxComponent
{
    /// <summary>Identification methods listed per component; the occurrences still name every place.</summary>
    private const int MaxMethods = 20;

    public static void Write(Utf8JsonWriter json, ComponentEntry component)
    {
        json.WriteStartObject();
        json.WriteString("bom-ref", component.Id);
        json.WriteString("type", component.Type);
        if (component.Supplier is { } supplier)
        {
            json.WriteStartObject("supplier");
            json.WriteString("name", supplier);
            json.WriteEndObject();
        }

        json.WriteString("name", component.Name);
        if (component.Version is { } version)
        {
            json.WriteString("version", version);
        }

        if (component.Sha256 is { } sha)
        {
            WriteHash(json, sha);
        }

        if (component.Licenses.Count > 0)
        {
            // Named, not SPDX ids: the text is what the package states, and the tool does not judge whether it is one.
            json.WriteStartArray("licenses");
            foreach (var license in component.Licenses)
            {
                json.WriteStartObject();
                json.WriteStartObject("license");
                json.WriteString("name", license);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (component.Purl is { } purl)
        {
            json.WriteString("purl", purl);
        }

        if (component.Cpe is { } cpe)
        {
            json.WriteString("cpe", cpe);
        }

        WriteEvidence(json, component);
        json.WriteStartArray("properties");
        foreach (var detector in component.Occurrences.Select(o => o.Detector).Distinct().Order(StringComparer.Ordinal))
        {
            WriteProperty(json, "complianceauditor:detector", detector);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter json, ComponentEntry component)
    {
        json.WriteStartObject("evidence");
        json.WriteStartArray("identity");
        json.WriteStartObject();
        json.WriteString("field", component.Purl is null ? "name" : "purl");
        json.WriteNumber("confidence", component.Occurrences.Max(o => o.Confidence));
        if (component.Purl is { } purl)
        {
            json.WriteString("concludedValue", purl);
        }

        json.WriteStartArray("methods");
        foreach (var occurrence in component.Occurrences.DistinctBy(o => (o.Technique, o.Evidence)).Take(MaxMethods))
        {
            json.WriteStartObject();
            json.WriteString("technique", occurrence.Technique);
            json.WriteNumber("confidence", occurrence.Confidence);
            json.WriteString("value", $"{occurrence.Detector}: {occurrence.Evidence}");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("occurrences");
        foreach (var occurrence in component.Occurrences)
        {
            json.WriteStartObject();
            json.WriteString("location", occurrence.Path);
            json.WriteString("additionalContext", $"found by {occurrence.Detector}");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteHash(Utf8JsonWriter json, string sha256)
    {
        json.WriteStartArray("hashes");
        json.WriteStartObject();
        json.WriteString("alg", "SHA-256");
        json.WriteString("content", sha256);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    public static void WriteProperty(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
