using System.IO.Enumeration;

namespace ComplianceAuditor.Formats.FileSystems.External;

/// <summary>
/// Best-effort removal of what an external extractor left behind. Failure is not an error: the driver deletes the
/// audit's whole work folder at the end anyway, so a leftover costs disk space for a while and nothing else.
/// </summary>
internal static class ScratchFolder
{
    // Bounds the permission repair on a tree that is already past the entry limit.
    private const int MaxRepairedFolders = 1_000_000;

    public static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left to the driver's clean-up.
        }
    }

    /// <summary>Deletes a folder and everything in it; links inside are removed, never followed.</summary>
    public static void Delete(string path)
    {
        if (TryDelete(path) || OperatingSystem.IsWindows())
        {
            return;
        }

        // Images carry folders with modes such as 0555 or 000, and the program reproduced them: without write and
        // search permission on a folder its contents cannot be removed.
        MakeFoldersWritable(path);
        TryDelete(path);
    }

    private static bool TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeFoldersWritable(string root)
    {
        const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var pending = new Stack<string>();
        pending.Push(root);
        for (var repaired = 0; pending.Count > 0 && repaired < MaxRepairedFolders; repaired++)
        {
            var folder = pending.Pop();
            try
            {
                File.SetUnixFileMode(folder, Owner);
                var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 };
                var subfolders = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(), options)
                {
                    ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                        entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0,
                };
                foreach (var subfolder in subfolders)
                {
                    pending.Push(subfolder);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Owned by someone else, or gone: the second attempt deletes what it can.
            }
        }
    }
}
