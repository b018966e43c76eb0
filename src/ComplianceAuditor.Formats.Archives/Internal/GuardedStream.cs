using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Internal;

/// <summary>
/// The read-only face of a library decoder handed to the driver: whatever the decoder throws while reading becomes an
/// <see cref="UnpackException"/> saying how far the output got, and cancellation is honoured between reads. It adds no
/// buffering, so the driver's byte counting sees the output exactly as it is produced.
/// </summary>
internal sealed class GuardedStream : ForwardOnlyStream
{
    private readonly Stream _inner;
    private readonly string _format;
    private readonly string _entry;
    private readonly CancellationToken _cancellationToken;
    private long _produced;

    public GuardedStream(Stream inner, string format, string entry, CancellationToken cancellationToken)
    {
        _inner = inner;
        _format = format;
        _entry = entry;
        _cancellationToken = cancellationToken;
    }

    public override long Position => _produced;

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int read;
        try
        {
            read = _inner.Read(buffer);
        }
        catch (Exception exception) when (LibraryGuard.IsLibraryFailure(exception))
        {
            throw new UnpackException(
                string.Create(CultureInfo.InvariantCulture,
                    $"{_format}: entry '{_entry}': the compressed data is corrupt after {_produced} bytes of output: {exception.GetType().Name}: {exception.Message}"),
                exception);
        }

        if (read < 0 || read > buffer.Length)
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"{_format}: entry '{_entry}': the decoder reported {read} bytes for a {buffer.Length}-byte read"));
        }

        _produced += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                _inner.Dispose();
            }
            catch (Exception exception) when (LibraryGuard.IsLibraryFailure(exception))
            {
                // A decoder that already failed may fail again while closing; the first error is the one that matters.
            }
        }

        base.Dispose(disposing);
    }
}
