namespace ComplianceAuditor.Unpacking;

/// <summary>How the sinks create the files extracted content is written to.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Creates <paramref name="path"/>, failing if anything exists there. Unbuffered: the copy loop fills its
    /// 128 KiB buffer before each write, and a buffered stream allocated 64 KiB per file for nothing (190 MB over a
    /// 3,000-file image).
    /// </summary>
    public static FileStream CreateNew(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
}
