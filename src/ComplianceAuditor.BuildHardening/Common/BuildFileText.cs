using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>Reads a build file read-only, at most 1 MiB of it, without letting an I/O error escape.</summary>
public static class BuildFileText
{
    /// <summary>The file's text (cut at 1 MiB), or null with a fixed-phrase problem when it cannot be read or is binary.</summary>
    public static (string? Text, string? Problem) Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new byte[BoundedText.MaxChars + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            var text = BoundedText.Decode(buffer.AsSpan(0, total));
            return text is null ? (null, "the file is binary") : (text, null);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, IoErrors.Describe(error));
        }
    }
}
