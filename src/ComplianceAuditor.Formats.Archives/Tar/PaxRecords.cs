using System.Globalization;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tar;

/// <summary>
/// The records of a pax extended header: "&lt;length&gt; &lt;key&gt;=&lt;value&gt;\n", the length counting the whole
/// record. Order is kept because the old GNU sparse layout repeats its offset/numbytes keys.
/// </summary>
internal sealed class PaxRecords
{
    private readonly List<KeyValuePair<string, string>> _records;

    private PaxRecords(List<KeyValuePair<string, string>> records) => _records = records;

    public IReadOnlyList<KeyValuePair<string, string>> All => _records;

    /// <summary>The last value given for <paramref name="key"/>; an empty value means "unset".</summary>
    public string? Get(string key)
    {
        for (var i = _records.Count - 1; i >= 0; i--)
        {
            if (_records[i].Key == key)
            {
                return _records[i].Value.Length == 0 ? null : _records[i].Value;
            }
        }

        return null;
    }

    /// <summary>A non-negative decimal value, or null when the key is absent; a malformed value is an error.</summary>
    public long? GetNumber(string key, long headerOffset)
    {
        var text = Get(key);
        if (text is null)
        {
            return null;
        }

        // mtime and friends may carry a fraction; none of the keys read as numbers here do.
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"tar: pax header at 0x{headerOffset:x}: '{key}' is '{Shorten(text)}', not a non-negative number"));
        }

        return value;
    }

    public static PaxRecords Parse(ReadOnlySpan<byte> data, long headerOffset)
    {
        var records = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (position < data.Length)
        {
            // Writers pad the last block with NULs; nothing after that is a record.
            if (data[position] == 0)
            {
                break;
            }

            var space = data[position..].IndexOf((byte)' ');
            if (space is <= 0 or > 20
                || !long.TryParse(data.Slice(position, space), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || length < space + 3 || length > data.Length - position)
            {
                throw Malformed(headerOffset, position, "its length field is not a number that fits the header");
            }

            var record = data.Slice(position, (int)length);
            if (record[^1] != (byte)'\n')
            {
                throw Malformed(headerOffset, position, "it does not end with a newline");
            }

            var body = record[(space + 1)..^1];
            var equals = body.IndexOf((byte)'=');
            if (equals <= 0)
            {
                throw Malformed(headerOffset, position, "it has no key");
            }

            records.Add(new(ArchiveText.Decode(body[..equals]), ArchiveText.Decode(body[(equals + 1)..])));
            position += (int)length;
        }

        return new PaxRecords(records);
    }

    private static UnpackException Malformed(long headerOffset, int position, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"tar: pax header at 0x{headerOffset:x}: the record at byte {position} is malformed: {problem}"));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
