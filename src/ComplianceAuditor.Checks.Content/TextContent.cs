using System.Text;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Content;

/// <summary>Reads an artifact as text, up to a byte limit, without failing on invalid UTF-8.</summary>
internal static class TextContent
{
    public static (string Text, bool Truncated) Read(Artifact artifact, long maxBytes, CancellationToken cancellationToken)
    {
        using var stream = artifact.Content!.OpenRead();
        var limit = (int)Math.Min(maxBytes, Math.Min(artifact.Size, int.MaxValue - 1));
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, limit));
        try
        {
            var read = 0;
            while (read < limit)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = stream.Read(buffer, read, Math.Min(1 << 20, limit - read));
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            // Decoding replaces invalid sequences instead of throwing: a corrupt config file is still worth reading.
            return (Encoding.UTF8.GetString(buffer, 0, read), artifact.Size > read);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>1-based line and column of a character index.</summary>
    public static (int Line, int Column) Position(string text, int index, ref int scanFrom, ref int lineAtScan, ref int lineStart)
    {
        for (var i = scanFrom; i < index; i++)
        {
            if (text[i] == '\n')
            {
                lineAtScan++;
                lineStart = i + 1;
            }
        }

        scanFrom = index;
        return (lineAtScan, index - lineStart + 1);
    }

    /// <summary>
    /// The line around a match for the evidence excerpt: the whole line when short, else a window that starts a
    /// little before the match, so a match far into a long line is still shown and a 16 MB line is never copied.
    /// </summary>
    public static string LineAt(string text, int index, int window = 160)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var lineEnd = text.IndexOf('\n', index);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        var start = Math.Max(lineStart, index - (window / 4));
        var end = Math.Min(lineEnd, start + window);
        return (start > lineStart ? "…" : "") + text[start..end].TrimEnd('\r') + (end < lineEnd ? "…" : "");
    }
}
