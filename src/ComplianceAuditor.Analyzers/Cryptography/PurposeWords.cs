using System.Text;

namespace ComplianceAuditor.Analyzers.Cryptography;

/// <summary>What the words of an identifier say a digest is for.</summary>
internal enum NamedPurpose
{
    None,

    /// <summary>A cache key, ETag, dictionary key, file name, dedup or content id: collisions do no harm there.</summary>
    Lookup,

    /// <summary>Checksums, verification, validation, integrity.</summary>
    Check,

    Firmware,

    Download,

    Manifest,

    Signature,
}

/// <summary>
/// Reads the purpose of a hash from the names around it. Lookup words win over integrity words in the same name
/// (<c>imageCacheKey</c> is a key), because MD5 as a key is the false positive users of other tools complain about most.
/// </summary>
internal static class PurposeWords
{
    // Matched anywhere in the lower-cased identifier: they are unambiguous and often glued (ETag, dedupId).
    private static readonly string[] LookupFragments =
        ["cache", "etag", "bucket", "shard", "partition", "fingerprint", "thumbprint", "dedup", "hashcode", "filename"];

    private static readonly HashSet<string> LookupWords = new(StringComparer.Ordinal)
    {
        "key", "keys", "id", "ids", "uid", "guid", "uuid", "identifier", "name", "names", "url", "uri", "lookup",
    };

    public static NamedPurpose Classify(string identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return NamedPurpose.None;
        }

        var lower = identifier.ToLowerInvariant();
        var words = Words(identifier);
        if (LookupFragments.Any(f => lower.Contains(f)) || words.Any(LookupWords.Contains))
        {
            return NamedPurpose.Lookup;
        }

        foreach (var word in words)
        {
            if (IntegrityOf(word) is var purpose and not NamedPurpose.None)
            {
                return purpose;
            }
        }

        return NamedPurpose.None;
    }

    /// <summary>What the diagnostic says the hash is used to do, for a purpose read from names.</summary>
    public static string Describe(NamedPurpose purpose) => purpose switch
    {
        NamedPurpose.Firmware => "check a firmware image's integrity",
        NamedPurpose.Download => "check a download's integrity",
        NamedPurpose.Manifest => "check a manifest's integrity",
        NamedPurpose.Signature => "make or check a signature",
        _ => "check data integrity",
    };

    /// <summary>Splits <c>firmwareSHA1Digest</c> or <c>FIRMWARE_DIGEST</c> into lower-case words.</summary>
    internal static List<string> Words(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetter(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = identifier[i - 1];
                var next = i + 1 < identifier.Length ? identifier[i + 1] : '\0';
                if (char.IsLower(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    private static NamedPurpose IntegrityOf(string word)
    {
        if (StartsWithAny(word, "checksum", "integrit", "verif", "validat", "tamper", "authentic"))
        {
            return NamedPurpose.Check;
        }

        if (word.StartsWith("signature", StringComparison.Ordinal) || word is "sign" or "signs" or "signed" or "signing" or "signer" or "sig")
        {
            return NamedPurpose.Signature;
        }

        if (StartsWithAny(word, "firmware", "upgrade") || word is "fw" or "ota" or "image" or "images" or "update" or "updates" or "updater")
        {
            return NamedPurpose.Firmware;
        }

        if (word.StartsWith("download", StringComparison.Ordinal) || word is "package" or "packages" or "pkg")
        {
            return NamedPurpose.Download;
        }

        return word.StartsWith("manifest", StringComparison.Ordinal) ? NamedPurpose.Manifest : NamedPurpose.None;
    }

    private static bool StartsWithAny(string word, params string[] stems) => stems.Any(s => word.StartsWith(s, StringComparison.Ordinal));

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
