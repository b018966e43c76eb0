using System.Text;

namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>
/// A configuration or script file split into lines, bounded: at most <see cref="MaxLines"/> lines of at most
/// <see cref="MaxLineLength"/> characters, so that every later pass over it is bounded too.
/// </summary>
internal sealed class TextFile
{
    public const int MaxLines = 50_000;
    public const int MaxLineLength = 8_192;

    private TextFile(string path, string[] lines, bool truncated)
    {
        Path = path;
        Lines = lines;
        Truncated = truncated;
    }

    public string Path { get; }

    /// <summary>The lines, without their end-of-line characters; line N of the file is <c>Lines[N - 1]</c>.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>True when the file was longer than what was read, or had more or longer lines than kept.</summary>
    public bool Truncated { get; }

    public string Text => string.Join('\n', Lines);

    public FileLocation At(int index) => new(Path, index + 1);

    /// <summary>The text of the bytes, or null when they look binary (a NUL byte): executables are not configuration.</summary>
    public static TextFile? FromBytes(string path, ReadOnlySpan<byte> bytes, bool cutAtLimit)
    {
        if (bytes.Contains((byte)0))
        {
            return null;
        }

        return FromText(path, Encoding.UTF8.GetString(bytes), cutAtLimit);
    }

    public static TextFile FromText(string path, string text, bool cutAtLimit = false)
    {
        var lines = new List<string>();
        var truncated = cutAtLimit;
        var start = 0;
        while (start <= text.Length && lines.Count < MaxLines)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start).TrimEnd('\r');
            if (line.Length > MaxLineLength)
            {
                line = line[..MaxLineLength];
                truncated = true;
            }

            lines.Add(line.ToString());
            start = end + 1;
        }

        truncated |= start <= text.Length;
        if (lines.Count > 0 && lines[^1].Length == 0 && text.EndsWith('\n'))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new TextFile(path, [.. lines], truncated);
    }
}
