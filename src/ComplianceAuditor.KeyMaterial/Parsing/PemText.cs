using System.Text;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// Decodes one PEM block: label, RFC 1421 headers and the base64 body. A block inside a C, Go or JSON string literal
/// is decoded too: quotes are dropped and the escapes <c>\n</c>, <c>\r</c>, <c>\t</c> and <c>\/</c> read as what
/// they stand for. Java-style concatenation (<c>"..." + "..."</c>) is not undone: '+' is a base64 character.
/// </summary>
internal static class PemText
{
    public static bool TryDecode(ReadOnlySpan<byte> block, out PemBlock pem, out string reason)
    {
        pem = default;
        reason = string.Empty;
        var begin = PemFinder.BeginMarker;
        var labelEnd = block.Length > begin.Length ? block[begin.Length..].IndexOf("-----"u8) : -1;
        if (!block.StartsWith(begin) || labelEnd <= 0)
        {
            reason = "no PEM BEGIN line";
            return false;
        }

        var label = block.Slice(begin.Length, labelEnd);
        var bodyStart = begin.Length + labelEnd + 5;
        var endMarker = Encoding.ASCII.GetBytes("-----END " + Encoding.ASCII.GetString(label) + "-----");
        var bodyLength = block[bodyStart..].IndexOf(endMarker);
        if (bodyLength < 0)
        {
            reason = "no matching PEM END line";
            return false;
        }

        if (!TryUnescape(block.Slice(bodyStart, bodyLength), out var text))
        {
            reason = "PEM body holds characters that are neither base64 nor line breaks";
            return false;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var base64 = new StringBuilder(text.Length);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && base64.Length == 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            else
            {
                foreach (var c in line)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        base64.Append(c);
                    }
                }
            }
        }

        var bytes = new byte[(base64.Length / 4 * 3) + 3];
        if (base64.Length == 0 || !Convert.TryFromBase64String(base64.ToString(), bytes, out var written))
        {
            reason = base64.Length == 0 ? "PEM body is empty" : "PEM body is not valid base64";
            return false;
        }

        pem = new PemBlock(PemLabels.FromAscii(label), headers, bytes.AsSpan(0, written).ToArray());
        return true;
    }

    private static bool TryUnescape(ReadOnlySpan<byte> body, out string text)
    {
        var builder = new StringBuilder(body.Length);
        text = string.Empty;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b == (byte)'"')
            {
                continue;
            }

            if (b == (byte)'\\')
            {
                if (i + 1 >= body.Length)
                {
                    return false;
                }

                var escaped = body[++i];
                switch (escaped)
                {
                    case (byte)'n': builder.Append('\n'); break;
                    case (byte)'r' or (byte)'t': builder.Append(' '); break;
                    case (byte)'/': builder.Append('/'); break;
                    default: return false;
                }

                continue;
            }

            if (b is not ((>= 0x20 and <= 0x7E) or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return false;
            }

            builder.Append((char)b);
        }

        text = builder.ToString();
        return true;
    }
}
