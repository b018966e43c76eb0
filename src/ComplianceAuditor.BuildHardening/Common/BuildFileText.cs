using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>Reads a build file read-only, at most <see cref="MaxBytes"/> of it, without letting an I/O error escape.</summary>
public static class BuildFileText
{
    /// <summary>The most bytes read of one build file: real ones are far smaller, so a larger one is cut and says so.</summary>
    public const int MaxBytes = BoundedText.MaxChars;

    /// <summary>The most lines the readers keep of one file; the rest is dropped and the result marked truncated.</summary>
    public const int MaxLines = BoundedText.MaxLines;

    /// <summary>The most characters the readers keep of one line.</summary>
    public const int MaxLineLength = BoundedText.MaxLineLength;

    /// <summary>The file's text (cut at 1 MiB), or null with a fixed-phrase problem when it cannot be read or is binary.</summary>
    public static (string? Text, string? Problem) Read(string path)
    {
        var read = ReadBounded(path);
        return (read.Text, read.Problem);
    }

    /// <summary>As <see cref="Read(string)"/>, also saying whether the file went on past <see cref="MaxBytes"/>.</summary>
    public static BuildFileRead ReadBounded(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return ReadBounded(stream);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new BuildFileRead(null, IoErrors.Describe(error), false);
        }
    }

    /// <summary>Reads at most <see cref="MaxBytes"/> from <paramref name="stream"/> (one byte more, to know whether it was cut).</summary>
    public static BuildFileRead ReadBounded(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var buffer = new byte[MaxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            var text = BoundedText.Decode(buffer.AsSpan(0, total));
            return text is null ? new BuildFileRead(null, "the file is binary", false) : new BuildFileRead(text, null, total > MaxBytes);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new BuildFileRead(null, IoErrors.Describe(error), false);
        }
    }
}

/// <summary>What reading a build file gave.</summary>
/// <param name="Text">The text of its first <see cref="BuildFileText.MaxBytes"/> bytes, or null.</param>
/// <param name="Problem">Why there is no text (a fixed phrase: binary content, an I/O error), or null.</param>
/// <param name="Cut">True when the file is longer than what was read.</param>
public sealed record BuildFileRead(string? Text, string? Problem, bool Cut);
