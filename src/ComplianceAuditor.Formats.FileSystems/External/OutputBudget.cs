using System.IO.Enumeration;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.External;

/// <summary>
/// The bytes and entries an external program may write for one image, checked against its output folder while it
/// runs. The driver's limits only see entries once the program has finished, and by then a small hostile image (a few
/// MB of squashfs holding gigabytes of one repeated byte) has already filled the disk.
/// </summary>
internal sealed class OutputBudget
{
    private readonly string _folder;
    private readonly long _maxBytes;
    private readonly string _bytesOption;
    private readonly int _maxEntries;

    public OutputBudget(string folder, long maxBytes, string bytesOption, int maxEntries)
    {
        _folder = folder;
        _maxBytes = maxBytes;
        _bytesOption = bytesOption;
        _maxEntries = maxEntries;
    }

    /// <summary>
    /// The budget the driver itself would enforce on one container: the ratio limit (never below its floor), capped by
    /// the limit on all bytes of a target. The driver may have used part of the latter on other containers already;
    /// it stops the rest when it counts the entries.
    /// </summary>
    public static OutputBudget For(string folder, UnpackSource source, UnpackLimits limits)
    {
        var ratio = limits.MaxRatio * source.Length;
        var byRatio = Math.Max(limits.RatioFloorBytes, ratio >= long.MaxValue ? long.MaxValue : (long)ratio);
        return limits.MaxTotalBytes <= byRatio
            ? new OutputBudget(folder, limits.MaxTotalBytes, "--max-unpack-bytes", limits.MaxFiles)
            : new OutputBudget(folder, byRatio, "--max-unpack-ratio", limits.MaxFiles);
    }

    /// <summary>
    /// Why the program must stop ("wrote more than ..."), or null while the folder is within the budget. Walks the
    /// folder without following links and stops as soon as either limit is passed, so one check visits at most one
    /// entry more than the entry limit.
    /// </summary>
    public string? Check()
    {
        long bytes = 0;
        var entries = 0;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };
        var walk = new FileSystemEnumerable<long>(_folder, (ref FileSystemEntry entry) => IsLink(ref entry) || entry.IsDirectory ? 0 : entry.Length, options)
        {
            // A link to a folder is counted as one entry and never entered: it may point anywhere, or at itself.
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry),
        };
        try
        {
            foreach (var length in walk)
            {
                bytes += length;
                if (++entries > _maxEntries)
                {
                    return Invariant.Text($"wrote more than {_maxEntries} files and folders, the limit set by --max-unpack-files");
                }

                if (bytes > _maxBytes)
                {
                    return Invariant.Text($"wrote more than {_maxBytes} bytes, the limit set by {_bytesOption} for this image");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The program renames and deletes as it goes (temporary files, a folder replaced by a link): what vanished
            // under the walk is looked at again on the next check.
        }

        return null;
    }

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;
}
