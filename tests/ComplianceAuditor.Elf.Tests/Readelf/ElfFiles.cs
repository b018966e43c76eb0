namespace ComplianceAuditor.Elf.Tests.Readelf;

/// <summary>Finds ELF files (by their 4-byte magic) under folders, skipping symbolic links.</summary>
internal static class ElfFiles
{
    private static readonly byte[] Magic = [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        ReturnSpecialDirectories = false,
    };

    public static IEnumerable<string> Under(params string[] roots) =>
        roots.Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*", Recursive))
            .Where(IsElf)
            .Order(StringComparer.Ordinal);

    /// <summary>The path with every symbolic link in it resolved, directories included (realpath(3)).</summary>
    public static string RealPath(string path)
    {
        var current = "/";
        foreach (var part in Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            current = info.LinkTarget is null ? next : RealPath(info.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
        }

        return current;
    }

    private static bool IsElf(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            Span<byte> head = stackalloc byte[4];
            return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Magic);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
