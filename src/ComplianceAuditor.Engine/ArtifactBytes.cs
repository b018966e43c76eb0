using ComplianceAuditor.Core.IO;

namespace ComplianceAuditor.Engine;

/// <summary>
/// An artifact's bytes mapped into memory once and shared, through the artifact scratch, by the rules that read parts
/// of a file in place (the ELF parser reads headers and tables, not every byte). Whole-file scans stream instead,
/// because every mapped page they touch counts as resident memory.
/// </summary>
public static class ArtifactBytes
{
    /// <summary>The mapped bytes, or null when the artifact is not a plain file on disk or cannot be mapped.</summary>
    public static ReadOnlyMemory<byte>? Mapped(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Artifact.Content?.LocalPath is not { } path)
        {
            return null;
        }

        var mapping = context.Scratch.GetOrAdd("mapped-bytes", () => TryOpen(path));
        return mapping.Bytes?.Memory;
    }

    private static Holder TryOpen(string path)
    {
        try
        {
            return new Holder(MappedBytes.Open(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Callers fall back to streaming, which reports the error in its own terms.
            return new Holder(null);
        }
    }

    /// <summary>Remembers a failed mapping too, so it is not retried by every rule.</summary>
    private sealed class Holder(MappedBytes? bytes) : IDisposable
    {
        public MappedBytes? Bytes => bytes;

        public void Dispose() => bytes?.Dispose();
    }
}
