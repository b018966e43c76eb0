using ComplianceAuditor.Core.IO;

namespace ComplianceAuditor.Reporting.Theme;

/// <summary>
/// Reads a file named in a theme (the theme itself, its logo) with a size bound. Only regular files are read: .NET
/// reports a FIFO or a device such as <c>/dev/zero</c> as an ordinary file of length 0, and opening a FIFO blocks
/// until something writes to it, so the type is asked of the kernel (through links) before the file is opened.
/// </summary>
internal static class RegularFile
{
    /// <param name="what">How messages name the file, e.g. "the theme file" or "the logo 'x.png'".</param>
    /// <param name="where">What each message starts with: the file, or the place in the theme that named it.</param>
    /// <exception cref="ThemeException">Missing, not a regular file, larger than <paramref name="max"/>, or unreadable.</exception>
    public static byte[] Read(string path, int max, string what, string where)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ThemeException($"{where}: {what} does not exist");
            }

            // Links are followed: a link to /dev/zero is judged by what it points at.
            if (!UnixFileStatus.IsRegularOrUnknown(path, followLinks: true))
            {
                throw new ThemeException($"{where}: {what} is not a regular file (a device, pipe or socket cannot be read as one)");
            }

            // Checked before reading for a clear message; the read is bounded too, for a file that grows meanwhile.
            if (info.Length > max)
            {
                throw new ThemeException($"{where}: {what} is {info.Length} bytes; at most {max} bytes are allowed");
            }

            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var limited = new LimitedReadStream(file, max, l => new ThemeException($"{where}: {what} is larger than {l} bytes; at most {l} bytes are allowed"), ownsInner: false);
            using var copy = new MemoryStream();
            limited.CopyTo(copy);
            return copy.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ThemeException($"{where}: {what} cannot be read: {e.Message}", e);
        }
    }
}
