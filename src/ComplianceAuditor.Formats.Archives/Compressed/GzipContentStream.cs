using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;
using SharpCompress.Compressors;
using SharpCompress.Compressors.Deflate;

namespace ComplianceAuditor.Formats.Archives.Compressed;

/// <summary>
/// The output of a gzip file: every member in turn, as one stream. SharpCompress inflates the raw deflate data of each
/// member; we frame the members ourselves because neither its GZipStream nor the BCL one reports a stream cut short
/// (both just stop), and neither says where a member ends. <c>DeflateStream.TotalIn</c> does: the 8-byte trailer
/// (CRC-32, size mod 2^32) sits right after the deflate data, so a trailer past the end means truncation and a
/// mismatch means corruption. A new member starts where the trailer ends if a valid header is there; anything else
/// after the last member (padding, the rest of a carved blob) is not part of the stream.
/// </summary>
internal sealed class GzipContentStream : ForwardOnlyStream
{
    private const int TrailerSize = 8;

    private readonly UnpackSource _source;
    private readonly CancellationToken _cancellationToken;
    private GzipMemberHeader _member;
    private DeflateStream? _inflater;
    private uint _crc;
    private long _memberOutput;
    private long _nextMember = -1;
    private bool _finished;

    public GzipContentStream(UnpackSource source, GzipMemberHeader first, CancellationToken cancellationToken)
    {
        _source = source;
        _member = first;
        _cancellationToken = cancellationToken;
        _inflater = OpenInflater(first);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        while (!_finished && count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_inflater is null && !StartNextMember())
            {
                _finished = true;
                break;
            }

            var read = _inflater!.Read(buffer, offset, count);
            if (read > 0)
            {
                _crc = Crc32.Append(_crc, buffer.AsSpan(offset, read));
                _memberOutput += read;
                return read;
            }

            FinishMember();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            LibraryGuard.DisposeQuietly(_inflater);
            _inflater = null;
        }

        base.Dispose(disposing);
    }

    private DeflateStream OpenInflater(GzipMemberHeader member)
    {
        var input = SourceStreams.Open(_source.Slice(member.DataOffset, _source.Length - member.DataOffset));
        return new DeflateStream(input, CompressionMode.Decompress, CompressionLevel.Default, System.Text.Encoding.UTF8);
    }

    /// <summary>Checks the trailer of the member just inflated against what it produced.</summary>
    private void FinishMember()
    {
        var consumed = _inflater!.TotalIn;
        LibraryGuard.DisposeQuietly(_inflater);
        _inflater = null;
        var trailerAt = _member.DataOffset + consumed;
        Span<byte> trailer = stackalloc byte[TrailerSize];
        if (consumed < 0 || trailerAt > _source.Length - TrailerSize || _source.ReadAt(trailerAt, trailer) != TrailerSize)
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"gzip: the member at 0x{_member.Offset:x} stops after {_memberOutput} bytes of output without its 8-byte trailer: the stream is truncated"));
        }

        var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var storedSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (storedCrc != _crc || storedSize != unchecked((uint)_memberOutput))
        {
            throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                $"gzip: the member at 0x{_member.Offset:x} inflated to {_memberOutput} bytes with CRC-32 {_crc:x8}, but its trailer at 0x{trailerAt:x} says {storedSize} bytes with CRC-32 {storedCrc:x8}: the data is corrupt"));
        }

        _nextMember = trailerAt + TrailerSize;
    }

    private bool StartNextMember()
    {
        if (_nextMember < 0 || GzipMemberHeader.TryParse(_source, _nextMember, out _) is not { } next)
        {
            return false;
        }

        _member = next;
        _crc = 0;
        _memberOutput = 0;
        _inflater = OpenInflater(next);
        return true;
    }
}
