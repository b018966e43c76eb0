namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>Collects candidates up to the per-buffer limit, adding the base offset on the way in.</summary>
internal sealed class CandidateSink(List<KeyCandidate> into, long baseOffset, int limit)
{
    public int Added { get; private set; }

    public bool Full { get; private set; }

    /// <summary>Adds a candidate at a buffer-relative position; returns false once the limit is reached.</summary>
    public bool Add(int position, int length, CandidateEncoding encoding, string? label = null)
    {
        if (Added >= limit)
        {
            Full = true;
            return false;
        }

        into.Add(new KeyCandidate(baseOffset + position, length, encoding, label));
        Added++;
        return true;
    }
}
