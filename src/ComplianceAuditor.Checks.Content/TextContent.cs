using System.Buffers;
using System.Text;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Content;

/// <summary>Reads an artifact as text, up to a byte limit, without failing on invalid UTF-8.</summary>
internal static class TextContent
{
    /// <summary>
    /// The artifact's text, decoded as it is read into a buffer the caller gives back by disposing. Not a string: a
    /// 16 MB file would become a 32 MB string, and a tree with many big text files left hundreds of megabytes of
    /// them for the collector. Small buffers come from the shared pool; large ones are allocated, because the pool
    /// keeps what it is given back, and a few large files should not pin their size in memory for the whole audit.
    /// </summary>
    public static PooledText Read(Artifact artifact, long maxBytes, CancellationToken cancellationToken)
    {
        using var stream = artifact.Content!.OpenRead();
        var limit = (int)Math.Min(maxBytes, Math.Min(artifact.Size, int.MaxValue - 1));

        // UTF-8 never gives more characters than bytes (plus one for a sequence cut at the end).
        var capacity = Math.Max(1, limit + 1);
        var pooled = capacity <= PooledChars;
        var chars = pooled ? ArrayPool<char>.Shared.Rent(capacity) : GC.AllocateUninitializedArray<char>(capacity);
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            // Decoding replaces invalid sequences instead of throwing: a corrupt config file is still worth reading.
            var decoder = Encoding.UTF8.GetDecoder();
            int read = 0, length = 0;
            while (read < limit)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = stream.Read(bytes, 0, Math.Min(ChunkBytes, limit - read));
                if (n == 0)
                {
                    break;
                }

                read += n;
                length += decoder.GetChars(bytes, 0, n, chars, length, flush: false);
            }

            length += decoder.GetChars(bytes, 0, 0, chars, length, flush: true);
            return new PooledText(chars, length, artifact.Size > read, pooled);
        }
        catch
        {
            if (pooled)
            {
                ArrayPool<char>.Shared.Return(chars);
            }

            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Characters up to which the text buffer is pooled (2 MB).</summary>
    private const int PooledChars = 1 << 20;

    private const int ChunkBytes = 1 << 16;

    /// <summary>1-based line and column of a character index.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<char> text, int index, ref int scanFrom, ref int lineAtScan, ref int lineStart)
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
    public static string LineAt(ReadOnlySpan<char> text, int index, int window = 160)
    {
        var lineStart = text[..index].LastIndexOf('\n') + 1;
        var lineEnd = text[index..].IndexOf('\n');
        lineEnd = lineEnd < 0 ? text.Length : index + lineEnd;
        var start = Math.Max(lineStart, index - (window / 4));
        var end = Math.Min(lineEnd, start + window);
        return (start > lineStart ? "…" : "") + text[start..end].TrimEnd('\r').ToString() + (end < lineEnd ? "…" : "");
    }
}
