namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>
/// A place in the scanned bytes that looks like key material after cheap structural checks; nothing is confirmed until
/// <see cref="Parsing.KeyMaterialParser"/> has parsed it.
/// </summary>
/// <param name="Offset">Position of the first byte, including the scan's base offset.</param>
/// <param name="Length">Bytes the candidate spans; never more than <see cref="KeyCandidateScanner.MaxCandidateLength"/>.</param>
/// <param name="Encoding">How it is written.</param>
/// <param name="PemLabel">The label between <c>BEGIN</c> and the dashes for armoured candidates, otherwise null.</param>
public readonly record struct KeyCandidate(long Offset, int Length, CandidateEncoding Encoding, string? PemLabel = null)
{
    /// <summary>The end offset (exclusive).</summary>
    public long End => Offset + Length;
}
