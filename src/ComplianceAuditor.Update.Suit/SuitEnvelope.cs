using System.Formats.Cbor;
using System.Globalization;
using ComplianceAuditor.Update.Suit.Cbor;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// The outer map of a SUIT envelope, read entry by entry so that a defect late in the file (a truncated integrated
/// payload) keeps the members read before it. Members stay encoded: the manifest must be hashed exactly as sent.
/// </summary>
internal sealed record SuitEnvelope(
    bool Tagged,
    int Length,
    CborItem? AuthenticationWrapper,
    CborItem? Manifest,
    IReadOnlyList<KeyValuePair<long, CborItem>> Severable,
    IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> Payloads,
    IReadOnlyList<string> OtherKeys,
    string? Problem)
{
    public const ulong EnvelopeTag = 107;
    public const int AuthenticationKey = 2;
    public const int ManifestKey = 3;

    /// <summary>Whether the bytes start like an envelope: tag 107 (<c>d8 6b</c>) then a map, or a bare map.</summary>
    public static bool LooksLikeEnvelope(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xd8 && bytes[1] == EnvelopeTag ? IsMapStart(bytes[2]) : bytes.Length >= 1 && IsMapStart(bytes[0]);

    /// <summary>The envelope, or null when the bytes are not one (see the plausibility rule inside).</summary>
    public static SuitEnvelope? TryRead(ReadOnlyMemory<byte> bytes, BoundedCborDecoder decoder, int depth)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if (!LooksLikeEnvelope(bytes.Span))
        {
            return null;
        }

        var tagged = bytes.Span[0] == 0xd8;
        CborItem? wrapper = null;
        CborItem? manifest = null;
        var severable = new List<KeyValuePair<long, CborItem>>();
        var payloads = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>();
        var other = new List<string>();
        string? problem = null;
        var reader = new CborReader(bytes, CborConformanceMode.Strict);
        try
        {
            if (tagged)
            {
                _ = reader.ReadTag();
            }

            _ = reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                var key = decoder.Read(reader, depth + 1);
                var value = decoder.Read(reader, depth + 1);
                switch (key.AsInt64())
                {
                    case AuthenticationKey:
                        wrapper ??= value;
                        break;
                    case ManifestKey:
                        manifest ??= value;
                        break;
                    case 16 or 20 or 23 when value.IsBytes:
                        severable.Add(new((long)key.Integer, value));
                        break;
                    default:
                        if (key.IsText && value.IsBytes)
                        {
                            payloads.Add(new(key.Text, value.Bytes));
                        }
                        else
                        {
                            other.Add(key.IsText ? SuitText.Clip(key.Text) : key.AsInt64() is { } n ? n.ToString(CultureInfo.InvariantCulture) : key.Describe());
                        }

                        break;
                }
            }

            reader.ReadEndMap();
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or SuitFormatException)
        {
            problem = "envelope: " + e.Message;
        }

        // Tag 107 (registered for SUIT) and a map are sign enough: an envelope that breaks before its members is a
        // defective envelope. An untagged map is only taken for one when both members were read.
        var plausible = tagged ? wrapper is not null || manifest is not null || problem is not null : wrapper is not null && manifest is not null;
        if (!plausible)
        {
            return null;
        }

        // Bytes after the envelope are reported as a fact, not a defect: a carved or padded file may well have them.
        return new SuitEnvelope(tagged, bytes.Length - reader.BytesRemaining, wrapper, manifest, severable, payloads, other, problem);
    }

    private static bool IsMapStart(byte initial) => initial >> 5 == 5 && (initial & 0x1f) is < 28 or 31;
}
