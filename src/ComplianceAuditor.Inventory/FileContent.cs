using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory;

/// <summary>An artifact's bytes in a file on disk, opened read-only and shared, so the user's input is never altered.</summary>
internal sealed class FileContent(string path) : IArtifactContent
{
    public string? LocalPath => path;

    /// <remarks>
    /// A small buffer: readers here read in large chunks of their own, which bypass it, and a large one was allocated
    /// on every open (80 KB each time a rule read a file: gigabytes of garbage on a large tree).
    /// </remarks>
    public Stream OpenRead() =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
}
