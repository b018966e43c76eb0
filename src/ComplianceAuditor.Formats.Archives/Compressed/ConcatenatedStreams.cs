using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Compressed;

/// <summary>
/// The output of a file holding several complete compressed streams back to back (parallel bzip2 and xz tools write
/// them, and so does <c>cat a.xz b.xz</c>), as one stream. SharpCompress decodes one stream per decoder and, for
/// bzip2 and xz, reads exactly up to that stream's end; after each, <c>nextStreamAt</c> decides from that position
/// whether another stream follows or the rest is unrelated data (padding, the next partition of a carved blob).
/// </summary>
internal sealed class ConcatenatedStreams : ForwardOnlyStream
{
    private readonly UnpackSource _source;
    private readonly Func<Stream, Stream> _openDecoder;
    private readonly Func<UnpackSource, long, long?> _nextStreamAt;
    private readonly CancellationToken _cancellationToken;
    private Stream _input;
    private Stream? _decoder;
    private long _streamStart;

    /// <param name="openDecoder">A decoder over the input stream, positioned at the start of a compressed stream.</param>
    /// <param name="nextStreamAt">Given where a finished decoder stopped reading, the offset of the next stream or null.</param>
    public ConcatenatedStreams(
        UnpackSource source, Func<Stream, Stream> openDecoder, Func<UnpackSource, long, long?> nextStreamAt, CancellationToken cancellationToken)
    {
        _source = source;
        _openDecoder = openDecoder;
        _nextStreamAt = nextStreamAt;
        _cancellationToken = cancellationToken;
        _input = SourceStreams.Open(source);
        _decoder = openDecoder(_input);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        while (_decoder is not null && count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var read = _decoder.Read(buffer, offset, count);
            if (read > 0)
            {
                return read;
            }

            var stoppedAt = _input.Position;
            LibraryGuard.DisposeQuietly(_decoder);
            _decoder = null;

            // A decoder that consumed nothing would find the same "next" stream forever.
            if (stoppedAt > _streamStart && _nextStreamAt(_source, stoppedAt) is { } next && next >= stoppedAt)
            {
                _input.Dispose();
                _input = SourceStreams.Open(_source);
                _input.Position = next;
                _streamStart = next;
                _decoder = _openDecoder(_input);
            }
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            LibraryGuard.DisposeQuietly(_decoder);
            _decoder = null;
            _input.Dispose();
        }

        base.Dispose(disposing);
    }
}
