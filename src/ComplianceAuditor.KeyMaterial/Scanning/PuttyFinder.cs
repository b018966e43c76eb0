using System.Buffers;

namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>Finds PuTTY private key files (<c>PuTTY-User-Key-File-2:</c> or <c>-3:</c>) up to their <c>Private-MAC</c> line.</summary>
internal static class PuttyFinder
{
    private static readonly SearchValues<byte> HexBytes = SearchValues.Create("0123456789abcdefABCDEF"u8);

    public static ReadOnlySpan<byte> Magic => "PuTTY-User-Key-File-"u8;

    private static ReadOnlySpan<byte> MacField => "Private-MAC: "u8;

    public static void Find(ReadOnlySpan<byte> data, int from, int to, CandidateSink sink)
    {
        for (var hit = Anchor.Next(data, from, to, Magic); hit >= 0; hit = Anchor.Next(data, hit + 1, to, Magic))
        {
            var length = Measure(data, hit);
            if (length > 0 && !sink.Add(hit, length, CandidateEncoding.Putty))
            {
                return;
            }
        }
    }

    private static int Measure(ReadOnlySpan<byte> data, int start)
    {
        var rest = data[start..Math.Min(data.Length, start + KeyCandidateScanner.MaxCandidateLength)];
        var version = Magic.Length;
        if (rest.Length < version + 3 || rest[version] is not ((byte)'1' or (byte)'2' or (byte)'3') || rest[version + 1] != (byte)':')
        {
            return 0;
        }

        var mac = rest.IndexOf(MacField);
        if (mac < 0)
        {
            return 0;
        }

        var hexStart = mac + MacField.Length;
        var hexLength = rest[hexStart..].IndexOfAnyExcept(HexBytes);
        if (hexLength < 0)
        {
            hexLength = rest.Length - hexStart;
        }

        return hexLength >= 40 ? hexStart + hexLength : 0;
    }
}
