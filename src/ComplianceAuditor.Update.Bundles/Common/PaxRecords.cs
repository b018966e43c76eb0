using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// The "path" of a PAX extended header ("<c>len path=value\n</c>" records) or the name in a GNU long-name entry:
/// Go's archive/tar, which writes Mender artifacts, uses PAX for names longer than 100 bytes.
/// </summary>
internal static class PaxRecords
{
    /// <summary>Extended headers longer than this are not names but a way to make a reader allocate.</summary>
    public const int MaxSize = 64 * 1024;

    public static string? Path(ReadOnlySpan<byte> records)
    {
        string? path = null;
        var at = 0;
        while (at < records.Length)
        {
            var space = records[at..].IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(Encoding.ASCII.GetString(records.Slice(at, space)), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || length <= space + 1 || at + length > records.Length)
            {
                break;
            }

            var record = Encoding.UTF8.GetString(records.Slice(at + space + 1, length - space - 1)).TrimEnd('\n');
            if (record.StartsWith("path=", StringComparison.Ordinal))
            {
                path = record[5..];
            }

            at += length;
        }

        return path;
    }

    /// <summary>The NUL-terminated name a GNU 'L' entry holds.</summary>
    public static string LongName(ReadOnlySpan<byte> content)
    {
        var end = content.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? content : content[..end]);
    }
}
