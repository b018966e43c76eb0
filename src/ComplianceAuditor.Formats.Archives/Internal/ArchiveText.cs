using System.Text;

namespace ComplianceAuditor.Formats.Archives.Internal;

/// <summary>Turns stored names (bytes in no declared encoding) into paths.</summary>
internal static class ArchiveText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// UTF-8 when the bytes are valid UTF-8 (what every current tool writes), otherwise Latin-1: one character per byte
    /// keeps two different stored names different, where a replacement character would merge them.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>The bytes before the first NUL, which ends a name in a fixed-size field.</summary>
    public static ReadOnlySpan<byte> UntilNul(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return end < 0 ? field : field[..end];
    }

    /// <summary>Drops the trailing slash that marks a directory in tar and zip; the entry type already says it.</summary>
    public static string WithoutTrailingSlash(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.Length == 0 ? path : trimmed;
    }
}
