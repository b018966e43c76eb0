using System.Text;

namespace ComplianceAuditor.Reporting.Html;

/// <summary>
/// Passes text on to another writer and stops with an <see cref="InvalidOperationException"/> once it has passed a
/// number of UTF-8 bytes: a lab's template can print without end, and the page (or a capture) is stopped while it
/// grows rather than after it has filled memory. Sizes are counted as UTF-8, what the file will hold (a surrogate pair split across two writes
/// counts two bytes extra, which only makes the bound stricter).
/// </summary>
internal sealed class OutputLimitWriter(TextWriter inner, long maxBytes, string what) : TextWriter
{
    private long _bytes;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Count(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(char value) => WriteAsync(value.ToString());

    public override Task WriteAsync(string? value) => WriteAsync(value.AsMemory());

    public override Task WriteAsync(char[] buffer, int index, int count) => WriteAsync(buffer.AsMemory(index, count));

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    private void Count(ReadOnlySpan<char> text)
    {
        _bytes += Encoding.UTF8.GetByteCount(text);
        if (_bytes > maxBytes)
        {
            // The renderer turns this into a TemplateException naming the template.
            throw new InvalidOperationException($"{what} passed {maxBytes} bytes; a template that prints this much is stopped");
        }
    }
}
