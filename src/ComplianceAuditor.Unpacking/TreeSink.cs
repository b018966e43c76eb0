using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Unpacking;

/// <summary>
/// Writes extracted files as a browsable tree under a folder the user chose (the <c>unpack</c> command):
/// <c>fw.bin!/0x40000.squashfs!/etc/passwd</c> becomes <c>fw.bin.extracted/0x40000.squashfs.extracted/etc/passwd</c>.
/// Safe by construction: paths reaching here are already normalised (no <c>..</c>, not absolute), no link is ever
/// created (links are listed in the manifest instead), every file is created new, and a name that cannot be used as
/// it is (a clash with a file, a component too long for the file system) goes to <c>_renamed/</c> under a number.
/// Disposing removes <c>_scratch/</c>, where external extractors worked (and may have left links).
/// </summary>
public sealed class TreeSink : IExtractionSink, IDisposable
{
    private const int MaxComponentBytes = 255;

    /// <summary>Top-level names the sink itself uses; every tree built from a virtual path sits under <c>NAME.extracted</c>.</summary>
    private static readonly string[] Reserved = ["_renamed", "_scratch"];

    private readonly string _root;

    /// <summary>Folders known to exist: most files share their folder with the one before, and asking again costs a system call each.</summary>
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private long _next;

    public TreeSink(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public (Stream Stream, string LocalPath) Create(string virtualPath)
    {
        ArgumentNullException.ThrowIfNull(virtualPath);
        var local = Local(virtualPath);
        if (local is not null)
        {
            try
            {
                EnsureFolder(Path.GetDirectoryName(local)!);
                return (OutputFile.CreateNew(local), local);
            }
            catch (IOException)
            {
                // A clash (an entry named like a folder another entry needs, a duplicate): fall through to a number.
            }
        }

        var renamed = Path.Combine(_root, "_renamed", Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture));
        EnsureFolder(Path.GetDirectoryName(renamed)!);
        return (OutputFile.CreateNew(renamed), renamed);
    }

    private void EnsureFolder(string folder)
    {
        // Only this sink writes under the root, so a folder it made stays a folder.
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, true);
        }
    }

    public string CreateScratch() =>
        Directory.CreateDirectory(Path.Combine(_root, "_scratch", Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture))).FullName;

    public void Dispose()
    {
        try
        {
            var scratch = Path.Combine(_root, "_scratch");
            if (Directory.Exists(scratch))
            {
                // Recursive delete removes links themselves, never what they point to.
                Directory.Delete(scratch, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, as for the audit's work folder: the tree itself is complete either way.
        }
    }

    /// <summary>The tree path for a virtual path, or null when a component cannot be used as a file name here.</summary>
    private string? Local(string virtualPath)
    {
        var steps = virtualPath.Split("!/");
        var parts = new List<string>();
        for (var i = 0; i < steps.Length; i++)
        {
            var segments = steps[i].Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var j = 0; j < segments.Length; j++)
            {
                var last = j == segments.Length - 1 && i < steps.Length - 1;
                var name = last ? segments[j] + ".extracted" : segments[j];
                if (name is "." or ".." || (parts.Count == 0 && Reserved.Contains(name)) || name.Contains('\0', StringComparison.Ordinal)
                    || Encoding.UTF8.GetByteCount(name) > MaxComponentBytes)
                {
                    return null;
                }

                parts.Add(name);
            }
        }

        var local = Path.GetFullPath(Path.Combine([_root, .. parts]));

        // Normalised input cannot climb out; this is the second lock on the door.
        return local.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? local : null;
    }
}
