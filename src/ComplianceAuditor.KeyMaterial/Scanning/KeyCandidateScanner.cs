using System.Diagnostics.CodeAnalysis;

namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>
/// Finds places in arbitrary bytes (a text file, an ELF binary, a raw flash dump) that may hold keys or certificates:
/// PEM blocks, DER structures, OpenSSH private keys and public key lines, PuTTY key files. Only vectorised searches for
/// fixed byte strings and cheap structural checks run here; <see cref="Parsing.KeyMaterialParser"/> confirms.
/// </summary>
public static class KeyCandidateScanner
{
    /// <summary>At most this many candidates are reported per buffer; a buffer with more is flagged, not scanned on.</summary>
    public const int MaxCandidatesPerBuffer = 10_000;

    /// <summary>
    /// The largest candidate: a 16384-bit RSA key in PEM is 12 KiB, a PKCS#12 with a chain of a few certificates under
    /// 16 KiB. Anything larger is not reported, so no parser ever sees more than this from one candidate.
    /// </summary>
    public const int MaxCandidateLength = 64 * 1024;

    /// <summary>
    /// Every finder searches one chunk before the next chunk is read, so the bytes stay in the core's cache across the
    /// six or so searches instead of being fetched from memory once per search.
    /// </summary>
    private const int ChunkLength = 32 * 1024;

    /// <summary>
    /// Appends the candidates found in <paramref name="data"/> to <paramref name="into"/>, in offset order, with
    /// <paramref name="baseOffset"/> added to each offset (the position of <paramref name="data"/> in its file).
    /// Candidates may nest (the PKCS#1 key inside a PKCS#8 key, the public key inside a certificate); see
    /// <see cref="KeyMaterialFinder"/> for a pass that keeps only the outermost confirmed ones. Never throws for any
    /// content of <paramref name="data"/>.
    /// </summary>
    [SuppressMessage("Design", "CA1002:Do not expose generic lists", Justification = "The caller reuses one list across buffers.")]
    public static ScanSummary Scan(ReadOnlySpan<byte> data, long baseOffset, List<KeyCandidate> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var first = into.Count;
        var sink = new CandidateSink(into, baseOffset, MaxCandidatesPerBuffer);
        for (var from = 0; from < data.Length && !sink.Full; from += ChunkLength)
        {
            var to = Math.Min(data.Length, from + ChunkLength);
            PemFinder.Find(data, from, to, sink);
            DerFinder.Find(data, from, to, sink);
            OpenSshFinder.Find(data, from, to, sink);
            PuttyFinder.Find(data, from, to, sink);
        }

        // Finders run one after another within a chunk, and a short DER header can lie before its chunk.
        into.Sort(first, into.Count - first, CandidateOrder.Instance);
        return new ScanSummary(sink.Added, sink.Full);
    }
}
