using System.Globalization;

namespace ComplianceAuditor.Unpacking;

/// <summary>
/// The audit's private extraction folder, inside the output folder so nothing is written anywhere else. Files get
/// numbered names, never names taken from the container, so no stored path, link or odd character can steer a write;
/// the virtual path lives in the artifact. Disposing deletes the folder, also after a failure or a cancellation.
/// </summary>
public sealed class PrivateWorkFolder : IExtractionSink, IDisposable
{
    private long _next;

    private PrivateWorkFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Creates a fresh folder named <c>.unpack-RANDOM</c> inside <paramref name="outputDirectory"/>.</summary>
    public static PrivateWorkFolder CreateIn(string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = System.IO.Path.Combine(outputDirectory, ".unpack-" + Guid.NewGuid().ToString("N"));

        // CreateDirectory does not fail on an existing folder, so check: the random name must be new.
        if (Directory.Exists(path) || File.Exists(path))
        {
            throw new IOException($"work folder '{path}' already exists");
        }

        // Readable by us only: extracted firmware may hold secrets.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new PrivateWorkFolder(path);
    }

    public (Stream Stream, string LocalPath) Create(string virtualPath)
    {
        var n = Interlocked.Increment(ref _next);

        // 256 sub-folders keep any one folder small on images with hundreds of thousands of files. Each is made when
        // a file first misses it, rather than asked for before every file.
        var folder = System.IO.Path.Combine(Path, (n % 256).ToString("x2", CultureInfo.InvariantCulture));
        var local = System.IO.Path.Combine(folder, n.ToString(CultureInfo.InvariantCulture));
        try
        {
            return (OutputFile.CreateNew(local), local);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(folder);
            return (OutputFile.CreateNew(local), local);
        }
    }

    /// <summary>A private scratch folder for a reader that needs files on disk (external extractors).</summary>
    public string CreateScratch()
    {
        var n = Interlocked.Increment(ref _next);
        return Directory.CreateDirectory(System.IO.Path.Combine(Path, "scratch-" + n.ToString(CultureInfo.InvariantCulture))).FullName;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                // Recursive delete removes links themselves, never what they point to.
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Deleting is best effort at the end of a run; a failure must not hide the audit's own outcome.
        }
    }
}
