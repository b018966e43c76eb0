using System.Globalization;
using ComplianceAuditor.Formats.Archives.Compressed;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives;

/// <summary>
/// gzip: one entry, the inflated content of all its members. The entry is named after the FNAME header field when
/// there is one (reduced to a single path component: it is untrusted), else "data".
/// </summary>
public sealed class GzipFormatReader : IFormatReader
{
    public const string DefaultEntryName = "data";

    private static readonly FormatSignature[] GzipSignatures = [new([0x1F, 0x8B, 0x08])];

    public string Format => "gzip";

    public string Extractor => SharpCompressLibrary.Extractor;

    public IReadOnlyList<FormatSignature> Signatures => GzipSignatures;

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < 18 || head[0] != 0x1F || head[1] != 0x8B || head[2] != 8)
        {
            return null;
        }

        var window = UnpackSource.FromBytes("gzip head", head.ToArray());
        if (GzipMemberHeader.TryParse(window, 0, out _) is not { } header || !FirstBlockLooksValid(head, header.DataOffset))
        {
            return null;
        }

        return new FormatMatch(null, Describe(header));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return ReadEntries(source, context);
    }

    /// <summary>The last path component of an untrusted stored name, without control characters; "data" if nothing is left.</summary>
    internal static string EntryName(string? storedName)
    {
        if (storedName is null)
        {
            return DefaultEntryName;
        }

        var lastComponent = storedName[(storedName.LastIndexOfAny(['/', '\\']) + 1)..];
        var cleaned = new string(lastComponent.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length > 255)
        {
            cleaned = cleaned[..255];
        }

        return cleaned is "" or "." or ".." ? DefaultEntryName : cleaned;
    }

    private IEnumerable<UnpackedEntry> ReadEntries(UnpackSource source, UnpackContext context)
    {
        var header = GzipMemberHeader.Parse(source, 0);
        yield return SingleEntry.Create(Format, EntryName(header.FileName), ArchiveFormatReaders.UnknownSize, Describe(header),
            () => new GzipContentStream(source, header, context.CancellationToken), context.CancellationToken);
    }

    private static string Describe(GzipMemberHeader header)
    {
        var text = "gzip";
        if (header.FileName is { } name)
        {
            text += $", original name '{EntryName(name)}'";
        }

        if (header.Modified is { } modified)
        {
            text += ", modified " + modified.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>
    /// The first deflate block header, when the head holds it: block type 3 does not exist, and a stored block's length
    /// must match its one's complement. Cheap, and it turns away most "1F 8B 08" that are not gzip.
    /// </summary>
    private static bool FirstBlockLooksValid(ReadOnlySpan<byte> head, long dataOffset)
    {
        if (dataOffset >= head.Length)
        {
            return true;
        }

        var first = head[(int)dataOffset];
        var blockType = (first >> 1) & 3;
        if (blockType == 3)
        {
            return false;
        }

        if (blockType == 0 && dataOffset + 5 <= head.Length)
        {
            var length = head[(int)dataOffset + 1] | (head[(int)dataOffset + 2] << 8);
            var complement = head[(int)dataOffset + 3] | (head[(int)dataOffset + 4] << 8);
            return (length ^ complement) == 0xFFFF;
        }

        return true;
    }
}
