using ComplianceAuditor.KeyMaterial.Der;

namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>
/// Finds DER SEQUENCEs that start like key material. Long-form headers (<c>30 81 xx</c>, <c>30 82 xx xx</c>) are
/// searched as two-byte strings, which the vectorised search skips through far faster than looking at every 0x30.
/// Structures under 128 bytes (Ed25519, X25519, P-192 to P-256 keys) have a one-byte length and no such anchor, so
/// they are found from the bytes inside them that identify them: the OIDs of id-ecPublicKey and of the Edwards and
/// Montgomery curves, and the <c>02 01 01 04</c> that opens a SEC1 EC private key.
/// </summary>
internal static class DerFinder
{
    private static ReadOnlySpan<byte> Long1 => [0x30, 0x81];

    private static ReadOnlySpan<byte> Long2 => [0x30, 0x82];

    /// <summary>A BER PKCS#12 (some Windows and Java exports): indefinite SEQUENCE, version 3, indefinite ContentInfo.</summary>
    private static ReadOnlySpan<byte> BerPfx => [0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80];

    /// <summary>The OID prefix 1.3.101 of X25519, X448, Ed25519 and Ed448 with its tag and length.</summary>
    private static ReadOnlySpan<byte> EdwardsOid => [0x06, 0x03, 0x2B, 0x65];

    /// <summary>id-ecPublicKey (1.2.840.10045.2.1) with its tag and length.</summary>
    private static ReadOnlySpan<byte> EcPublicKeyOid => [0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01];

    /// <summary>SEC1 ECPrivateKey: INTEGER 1 then the private scalar's OCTET STRING.</summary>
    private static ReadOnlySpan<byte> Sec1Start => [0x02, 0x01, 0x01, 0x04];

    public static void Find(ReadOnlySpan<byte> data, int from, int to, CandidateSink sink)
    {
        FindLongForm(data, from, to, Long1, sink);
        FindLongForm(data, from, to, Long2, sink);
        FindBerPfx(data, from, to, sink);
        FindShortForm(data, from, to, EdwardsOid, [4, 7], sink);
        FindShortForm(data, from, to, EcPublicKeyOid, [4, 7], sink);
        FindShortForm(data, from, to, Sec1Start, [2], sink);
    }

    private static void FindLongForm(ReadOnlySpan<byte> data, int from, int to, ReadOnlySpan<byte> anchor, CandidateSink sink)
    {
        for (var hit = Anchor.Next(data, from, to, anchor); hit >= 0; hit = Anchor.Next(data, hit + 1, to, anchor))
        {
            var length = DerShape.Measure(data, hit, requireMinimalLength: true);
            if (length > 0 && !sink.Add(hit, length, CandidateEncoding.Der))
            {
                return;
            }
        }
    }

    private static void FindBerPfx(ReadOnlySpan<byte> data, int from, int to, CandidateSink sink)
    {
        for (var hit = Anchor.Next(data, from, to, BerPfx); hit >= 0; hit = Anchor.Next(data, hit + 1, to, BerPfx))
        {
            var window = data[hit..Math.Min(data.Length, hit + KeyCandidateScanner.MaxCandidateLength)];
            if (DerWalker.TryMeasure(window, out var length) && !sink.Add(hit, length, CandidateEncoding.Der))
            {
                return;
            }
        }
    }

    /// <summary>Each hit of <paramref name="anchor"/> may sit at one of <paramref name="backSteps"/> bytes after a short header.</summary>
    private static void FindShortForm(
        ReadOnlySpan<byte> data, int from, int to, ReadOnlySpan<byte> anchor, ReadOnlySpan<int> backSteps, CandidateSink sink)
    {
        for (var hit = Anchor.Next(data, from, to, anchor); hit >= 0; hit = Anchor.Next(data, hit + 1, to, anchor))
        {
            foreach (var back in backSteps)
            {
                var start = hit - back;
                if (start < 0 || data[start] != 0x30 || data[start + 1] >= 0x80)
                {
                    continue;
                }

                var length = DerShape.Measure(data, start, requireMinimalLength: true);
                if (length > 0 && !sink.Add(start, length, CandidateEncoding.Der))
                {
                    return;
                }
            }
        }
    }
}
