using System.Globalization;
using System.Text;
using ComplianceAuditor.Update.Suit.Cbor;

namespace ComplianceAuditor.Update.Suit;

/// <summary>Short, printable renderings of manifest values for facts and the conformance table.</summary>
internal static class SuitText
{
    /// <summary>Longest rendering of one value; URIs and texts from an attacker must not flood a report.</summary>
    private const int MaxLength = 120;

    /// <summary>A 16-byte identifier as a UUID, a PEN (tag 112) as "PEN h'..'", anything else as hex.</summary>
    public static string Identifier(CborItem item)
    {
        if (item.Untag(112) is { IsBytes: true } pen)
        {
            return "PEN " + Hex(pen.Bytes.Span);
        }

        if (item.IsBytes && item.Bytes.Length == 16)
        {
            return new Guid(item.Bytes.Span, bigEndian: true).ToString();
        }

        return item.IsBytes ? Hex(item.Bytes.Span) : item.Describe();
    }

    /// <summary>A component identifier ([* bstr]) as ['00'] or ['decrypted-firmware'].</summary>
    public static string Component(CborItem item) =>
        item.IsArray ? "[" + string.Join(", ", item.Items.Take(8).Select(Segment)) + "]" : item.Describe();

    /// <summary>A byte string as text when it is printable ASCII (kid 'kid-2'), otherwise as lower-case hex.</summary>
    public static string Segment(CborItem item) => item.IsBytes ? Segment(item.Bytes.Span) : item.Describe();

    public static string Segment(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7e)
            {
                return Hex(bytes);
            }
        }

        return bytes.IsEmpty ? "''" : "'" + Clip(Encoding.ASCII.GetString(bytes)) + "'";
    }

    public static string Hex(ReadOnlySpan<byte> bytes) =>
        bytes.Length > MaxLength / 2 ? Convert.ToHexStringLower(bytes[..(MaxLength / 2)]) + "…" : Convert.ToHexStringLower(bytes);

    /// <summary>Text cut to a printable length with control characters replaced, so a hostile string prints on one line.</summary>
    public static string Clip(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        foreach (var c in text)
        {
            if (builder.Length == MaxLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }

    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
