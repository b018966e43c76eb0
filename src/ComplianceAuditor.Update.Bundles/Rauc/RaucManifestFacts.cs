using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Rauc;

/// <summary>Turns a RAUC manifest into report facts, and checks its dm-verity root hash against the payload.</summary>
internal static class RaucManifestFacts
{
    private const int MaxImages = 64;

    public static void Add(RaucManifest manifest, List<InspectionFact> facts)
    {
        AddIf(facts, "compatible", manifest.Get("update", "compatible"));
        AddIf(facts, "version", manifest.Get("update", "version"));
        facts.Add(new("bundle format", manifest.Get("bundle", "format") ?? "plain (not declared)"));
        AddIf(facts, "verity-hash", manifest.Get("bundle", "verity-hash"));
        AddIf(facts, "verity-size", manifest.Get("bundle", "verity-size"));
        foreach (var (slot, settings) in manifest.Images.Take(MaxImages))
        {
            var parts = settings.Where(s => s.Key is "filename" or "sha256" or "size").Select(s => $"{s.Key}={s.Value}");
            facts.Add(new("image." + slot, string.Join(", ", parts)));
        }
    }

    /// <summary>
    /// The payload is the data blocks followed by the hash tree (<c>verity-size</c> bytes); the root hash recomputed
    /// from the data must be the manifest's <c>verity-hash</c>. Null when the manifest declares no verity.
    /// </summary>
    public static IntegrityFinding? Verity(RaucManifest manifest, ReadOnlySpan<byte> payload, List<InspectionFact> facts)
    {
        var declared = manifest.Get("bundle", "verity-hash");
        if (declared is null)
        {
            return null;
        }

        const string Kind = "dm-verity SHA-256 root hash";
        const string Covers = "every data block of the payload";
        if (!long.TryParse(manifest.Get("bundle", "verity-size"), NumberStyles.None, CultureInfo.InvariantCulture, out var treeSize)
            || treeSize <= 0 || treeSize >= payload.Length
            || !TryHex(manifest.Get("bundle", "verity-salt"), out var salt))
        {
            facts.Add(new("verity", "verity-size or verity-salt is missing or impossible for this payload"));
            return new IntegrityFinding(Kind, false, Covers);
        }

        if (VerityRootHash.Compute(payload[..(int)(payload.Length - treeSize)], salt) is not { } computed)
        {
            facts.Add(new("verity", "the payload before the hash tree is not a whole number of 4096-byte blocks"));
            return new IntegrityFinding(Kind, false, Covers);
        }

        if (computed.TreeSize != treeSize)
        {
            facts.Add(new("verity", string.Create(CultureInfo.InvariantCulture, $"the hash tree should be {computed.TreeSize} bytes, the manifest says {treeSize}")));
        }

        var matches = string.Equals(Convert.ToHexStringLower(computed.Root), declared, StringComparison.OrdinalIgnoreCase);
        return new IntegrityFinding(Kind, matches && computed.TreeSize == treeSize, Covers);
    }

    private static void AddIf(List<InspectionFact> facts, string name, string? value)
    {
        if (value is not null)
        {
            facts.Add(new(name, value));
        }
    }

    private static bool TryHex(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length % 2 != 0 || text.Length > 1024)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
