using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Internal;

/// <summary>
/// Reads the target of a symlink that zip and 7z store as the entry's content, with a bound: a "link" whose content
/// is megabytes long is not a link target, and is skipped with a warning rather than read into memory.
/// </summary>
internal static class LinkTargetReader
{
    /// <summary>PATH_MAX on Linux.</summary>
    public const int MaxLength = 4096;

    public static string? Read(string format, string key, long declaredSize, Func<Stream> open, UnpackContext context)
    {
        if (declaredSize > MaxLength)
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture, $"{format}: symlink '{key}' declares a {declaredSize}-byte target; skipped"));
            return null;
        }

        using var content = new GuardedStream(LibraryGuard.Call(format, key, "opening the entry", open), format, key, context.CancellationToken);
        var buffer = new byte[MaxLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = content.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > MaxLength)
        {
            context.Warn($"{format}: symlink '{key}' holds more than {MaxLength} bytes of target; skipped");
            return null;
        }

        return ArchiveText.Decode(buffer.AsSpan(0, length));
    }
}
