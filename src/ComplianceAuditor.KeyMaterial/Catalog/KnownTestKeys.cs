using System.Collections.Frozen;

namespace ComplianceAuditor.KeyMaterial.Catalog;

/// <summary>
/// The catalogue of test and sample keys published in open-source repositories (bootloaders, update tools, SDKs),
/// by SPKI fingerprint. A device shipping one of them can be signed for or impersonated by anyone. The data is the
/// embedded <c>known-test-keys.tsv</c>, which <c>make-known-test-keys.py</c> generates from the shared corpus.
/// </summary>
public static class KnownTestKeys
{
    private static readonly Lazy<FrozenDictionary<string, KnownTestKey>> Catalogue = new(Load);

    public static IReadOnlyCollection<KnownTestKey> All => Catalogue.Value.Values;

    /// <summary>The published key with this SPKI SHA-256 (hex, either case), or null.</summary>
    public static KnownTestKey? Find(string? spkiSha256) =>
        spkiSha256 is not null && Catalogue.Value.TryGetValue(spkiSha256, out var key) ? key : null;

    private static FrozenDictionary<string, KnownTestKey> Load()
    {
        using var stream = typeof(KnownTestKeys).Assembly.GetManifestResourceStream("ComplianceAuditor.KeyMaterial.Catalog.known-test-keys.tsv")
            ?? throw new InvalidOperationException("the embedded known-test-keys.tsv is missing from the assembly");
        using var reader = new StreamReader(stream);
        var rows = new List<(string Fingerprint, string Type, KnownTestKeyOrigin Origin)>();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split('\t');
            if (line.StartsWith('#') || cells.Length != 5)
            {
                continue;
            }

            rows.Add((cells[0], cells[1], new KnownTestKeyOrigin(cells[2], cells[3], cells[4])));
        }

        return rows
            .GroupBy(row => row.Fingerprint, StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => new KnownTestKey(group.Key, group.First().Type, [.. group.Select(row => row.Origin)]),
                StringComparer.OrdinalIgnoreCase);
    }
}
