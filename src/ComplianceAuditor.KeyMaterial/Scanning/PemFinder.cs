using System.Buffers;

namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>
/// Finds <c>-----BEGIN label-----</c> ... <c>-----END label-----</c> blocks.
/// What counts as a block: the body between the markers holds only printable ASCII, tabs and line breaks, and no
/// other dashes run, so a block inside a C or JSON string literal (<c>\n</c> escapes and quotes between the lines) is
/// a block, and its parser removes the escapes; a key hard-coded in source code is a real finding. A marker followed
/// by a NUL byte is not: TLS libraries carry <c>"-----BEGIN RSA PRIVATE KEY-----"</c> as a NUL-terminated constant
/// to parse PEM with, and the bytes after it are other constants, not a key.
/// </summary>
internal static class PemFinder
{
    private const int MaxLabelLength = 64;

    private static readonly SearchValues<byte> BodyBytes = SearchValues.Create(BuildBodyBytes());

    public static ReadOnlySpan<byte> BeginMarker => "-----BEGIN "u8;

    private static ReadOnlySpan<byte> EndMarker => "-----END "u8;

    private static ReadOnlySpan<byte> Dashes => "-----"u8;

    /// <summary>Adds every block whose BEGIN marker starts in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static void Find(ReadOnlySpan<byte> data, int from, int to, CandidateSink sink)
    {
        var position = from;
        while (position < to)
        {
            var searchEnd = Math.Min(data.Length, to + BeginMarker.Length - 1);
            var hit = data[position..searchEnd].IndexOf(BeginMarker);
            if (hit < 0)
            {
                return;
            }

            var start = position + hit;
            if (TryMeasure(data, start, out var length, out var label))
            {
                var encoding = label == PemLabels.OpenSshPrivateKey ? CandidateEncoding.OpenSsh : CandidateEncoding.Pem;
                if (!sink.Add(start, length, encoding, label))
                {
                    return;
                }

                position = start + length;
            }
            else
            {
                position = start + 1;
            }
        }
    }

    private static bool TryMeasure(ReadOnlySpan<byte> data, int start, out int length, out string label)
    {
        length = 0;
        label = string.Empty;
        var labelStart = start + BeginMarker.Length;
        var labelWindow = data[labelStart..Math.Min(data.Length, labelStart + MaxLabelLength + Dashes.Length)];
        var labelLength = labelWindow.IndexOf(Dashes);
        if (labelLength <= 0)
        {
            return false;
        }

        var labelBytes = labelWindow[..labelLength];
        if (labelBytes[0] == (byte)' ' || labelBytes[^1] == (byte)' ' || labelBytes.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
        {
            return false;
        }

        var bodyStart = labelStart + labelLength + Dashes.Length;
        var limit = (int)Math.Min(data.Length, (long)start + KeyCandidateScanner.MaxCandidateLength);
        if (bodyStart >= limit)
        {
            return false;
        }

        // Base64 and RFC 1421 headers hold no run of five dashes, so the first one after the BEGIN line must be END.
        var region = data[bodyStart..limit];
        var bodyLength = region.IndexOf(Dashes);
        if (bodyLength < 0 || !region[bodyLength..].StartsWith(EndMarker) || region[..bodyLength].IndexOfAnyExcept(BodyBytes) >= 0)
        {
            return false;
        }

        var endLabel = region[(bodyLength + EndMarker.Length)..];
        if (!endLabel.StartsWith(labelBytes) || !endLabel[labelBytes.Length..].StartsWith(Dashes))
        {
            return false;
        }

        length = bodyStart + bodyLength + EndMarker.Length + labelBytes.Length + Dashes.Length - start;
        label = PemLabels.FromAscii(labelBytes);
        return true;
    }

    private static byte[] BuildBodyBytes()
    {
        var bytes = new List<byte> { (byte)'\t', (byte)'\n', (byte)'\r' };
        for (var b = 0x20; b <= 0x7E; b++)
        {
            bytes.Add((byte)b);
        }

        return [.. bytes];
    }
}
