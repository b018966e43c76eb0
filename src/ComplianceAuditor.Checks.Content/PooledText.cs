using System.Buffers;

namespace ComplianceAuditor.Checks.Content;

/// <summary>Decoded text in a buffer, rented from the shared pool when <paramref name="pooled"/>; disposing gives it back.</summary>
internal sealed class PooledText(char[] buffer, int length, bool truncated, bool pooled) : IDisposable
{
    private char[]? _buffer = buffer;

    public ReadOnlySpan<char> Span => _buffer.AsSpan(0, length);

    /// <summary>Whether the file is longer than what was read.</summary>
    public bool Truncated => truncated;

    public void Dispose()
    {
        if (_buffer is { } rented)
        {
            _buffer = null;
            if (pooled)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
