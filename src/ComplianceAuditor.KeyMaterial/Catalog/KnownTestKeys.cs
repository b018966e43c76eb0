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
    private static readonly Lazy<FrozenDictionary<(string Form, string Digest), string>> Digests = new(LoadDigests);
    private static readonly Lazy<IReadOnlyList<(KnownTestKey Key, byte[] Spki)>> Publics = new(LoadPublicKeys);

    /// <summary>MCUboot's KEYHASH TLV: the image hash over the key's PKCS#1 (RSA) or SubjectPublicKeyInfo DER.</summary>
    public const string McubootKeyHash = "mcuboot-keyhash";

    /// <summary>The ESP-IDF Secure Boot v2 key digest burned into eFuse.</summary>
    public const string EspSecureBootV2Digest = "esp-secure-boot-v2-digest";

    /// <summary>The SHA-1 of the AVB public-key blob, as avbtool prints it.</summary>
    public const string AvbPublicKeySha1 = "avb-public-key-sha1";

    /// <summary>The SHA-256 of the AVB public-key blob.</summary>
    public const string AvbPublicKeySha256 = "avb-public-key-sha256";

    public static IReadOnlyCollection<KnownTestKey> All => Catalogue.Value.Values;

    /// <summary>The published key with this SPKI SHA-256 (hex, either case), or null.</summary>
    public static KnownTestKey? Find(string? spkiSha256) =>
        spkiSha256 is not null && Catalogue.Value.TryGetValue(spkiSha256, out var key) ? key : null;

    /// <summary>
    /// The published key an update format names by <paramref name="digest"/> (hex, either case) in its own
    /// <paramref name="form"/> (<see cref="McubootKeyHash"/> and the others), or null: images and bootloaders often
    /// carry only such a digest of the key they trust.
    /// </summary>
    public static KnownTestKey? FindByDigest(string form, string? digest) =>
        digest is not null && Digests.Value.TryGetValue((form, digest.ToLowerInvariant()), out var spki) ? Find(spki) : null;

    /// <summary>
    /// The published keys whose public half (DER SubjectPublicKeyInfo) the catalogue holds, to verify a signature
    /// against when the image does not say which key made it.
    /// </summary>
    public static IReadOnlyList<(KnownTestKey Key, byte[] Spki)> PublicKeys => Publics.Value;

    private static (KnownTestKey Key, byte[] Spki)[] LoadPublicKeys()
    {
        var keys = new List<(KnownTestKey, byte[])>();
        foreach (var cells in Rows("known-test-key-spki.tsv", 2))
        {
            if (Find(cells[0]) is { } key)
            {
                keys.Add((key, Convert.FromBase64String(cells[1])));
            }
        }

        return [.. keys];
    }

    private static IEnumerable<string[]> Rows(string resource, int cells)
    {
        using var stream = typeof(KnownTestKeys).Assembly.GetManifestResourceStream("ComplianceAuditor.KeyMaterial.Catalog." + resource)
            ?? throw new InvalidOperationException($"the embedded {resource} is missing from the assembly");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var row = line.Split('\t');
            if (!line.StartsWith('#') && row.Length == cells)
            {
                yield return row;
            }
        }
    }

    private static FrozenDictionary<(string Form, string Digest), string> LoadDigests()
    {
        var rows = new Dictionary<(string, string), string>();
        foreach (var cells in Rows("known-test-key-digests.tsv", 3))
        {
            rows.TryAdd((cells[0], cells[1]), cells[2]);
        }

        return rows.ToFrozenDictionary();
    }

    private static FrozenDictionary<string, KnownTestKey> Load() =>
        Rows("known-test-keys.tsv", 5)
            .Select(cells => (Fingerprint: cells[0], Type: cells[1], Origin: new KnownTestKeyOrigin(cells[2], cells[3], cells[4])))
            .GroupBy(row => row.Fingerprint, StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => new KnownTestKey(group.Key, group.First().Type, [.. group.Select(row => row.Origin)]),
                StringComparer.OrdinalIgnoreCase);
}
