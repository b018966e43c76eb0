using ComplianceAuditor.KeyMaterial.Parsing;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial;

/// <summary>
/// Scan and confirm in one call: every candidate in a buffer is parsed in offset order, and a candidate lying inside
/// an item already confirmed (the PKCS#1 key inside a PKCS#8 key, the public key inside a certificate, a certificate
/// inside a PKCS#12) is skipped, so each key is reported once, as its outermost structure.
/// </summary>
public static class KeyMaterialFinder
{
    /// <param name="cancellationToken">
    /// Checked before each candidate is parsed: a hostile buffer can hold thousands of candidates that each cost real
    /// work (PKCS#12 key derivation), and a caller's time limit must be able to stop them.
    /// </param>
    public static KeyMaterialFindings Find(ReadOnlySpan<byte> data, long baseOffset = 0, CancellationToken cancellationToken = default)
    {
        var candidates = new List<KeyCandidate>();
        var summary = KeyCandidateScanner.Scan(data, baseOffset, candidates);
        var items = new List<KeyMaterialItem>();
        var rejected = new List<KeyParseResult>();
        var coveredUntil = long.MinValue;
        foreach (var candidate in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (candidate.End <= coveredUntil)
            {
                continue;
            }

            var result = KeyMaterialParser.TryParse(data, baseOffset, candidate);
            if (result.Item is { } item)
            {
                items.Add(item);
                coveredUntil = Math.Max(coveredUntil, candidate.End);
            }
            else
            {
                rejected.Add(result);
            }
        }

        return new KeyMaterialFindings(items, rejected, candidates.Count, summary.LimitReached);
    }
}
