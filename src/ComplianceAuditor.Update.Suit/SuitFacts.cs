using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Suit;

/// <summary>The facts of one envelope for the report, in reading order: envelope, authentication, manifest, commands.</summary>
internal static class SuitFacts
{
    public static IReadOnlyList<InspectionFact> Build(SuitManifestInfo info, SuitEnvelope envelope, int trailingBytes)
    {
        var facts = new List<InspectionFact>
        {
            new("envelope", (info.Tagged ? "tag 107" : "untagged map") + ", " + Bytes(info.EnvelopeBytes)),
        };
        if (trailingBytes > 0)
        {
            facts.Add(new("bytes after the envelope", Bytes(trailingBytes)));
        }

        facts.Add(new("manifest size", Bytes(info.ManifestBytes)));
        facts.Add(new("authentication wrapper", !info.HasAuthenticationWrapper ? "absent" : string.Create(CultureInfo.InvariantCulture,
            $"{info.DigestAlgorithm} digest, {SuitText.Count(info.SignatureBlocks, "signature block")}, {SuitText.Count(info.MacBlocks, "MAC block")}")));
        if (info.DigestMatches is { } matches)
        {
            facts.Add(new("manifest digest", matches ? "matches the manifest" : "does NOT match the manifest"));
        }

        Add(facts, "manifest version", info.ManifestVersion?.ToString(CultureInfo.InvariantCulture));
        Add(facts, "manifest sequence number", info.SequenceNumber?.ToString(CultureInfo.InvariantCulture));
        facts.Add(new("components", info.ComponentCount == 0 ? "0" : string.Create(CultureInfo.InvariantCulture,
            $"{info.ComponentCount}: {string.Join(", ", info.Components.Take(8))}{(info.ComponentCount > 8 ? ", …" : string.Empty)}")));
        Add(facts, "reference URI", info.ReferenceUri);
        facts.Add(new("command sequences", info.Sequences.Count == 0 ? "none" : string.Join(", ", info.Sequences)));
        var commands = info.Commands;
        facts.Add(new("vendor id condition", YesNo(commands.HasVendorCondition)));
        facts.Add(new("class id condition", YesNo(commands.HasClassCondition)));
        facts.Add(new("image match condition", YesNo(commands.HasImageMatchCondition)));
        facts.Add(new("version condition", YesNo(commands.HasVersionCondition)));
        AddAll(facts, "vendor id", commands.VendorIds);
        AddAll(facts, "class id", commands.ClassIds);
        AddAll(facts, "image digest", commands.ImageDigests);
        AddAll(facts, "image size", [.. commands.ImageSizes.Select(s => s.ToString(CultureInfo.InvariantCulture) + " bytes")]);
        AddAll(facts, "payload URI", commands.Uris);
        AddAll(facts, "required version", commands.Versions);
        AddAll(facts, "component version (text)", info.TextVersions);
        foreach (var (name, bytes) in envelope.Payloads.Take(16))
        {
            facts.Add(new("integrated payload", SuitText.Clip(name) + ", " + Bytes(bytes.Length)));
        }

        if (envelope.OtherKeys.Count > 0)
        {
            facts.Add(new("other envelope members", string.Join(", ", envelope.OtherKeys.Take(8))));
        }

        return facts;
    }

    private static string Bytes(int count) => count.ToString(CultureInfo.InvariantCulture) + " bytes";

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static void Add(List<InspectionFact> facts, string name, string? value)
    {
        facts.Add(new(name, value ?? "absent"));
    }

    private static void AddAll(List<InspectionFact> facts, string name, IReadOnlyList<string> values)
    {
        foreach (var value in values.Take(8))
        {
            facts.Add(new(name, value));
        }
    }
}
