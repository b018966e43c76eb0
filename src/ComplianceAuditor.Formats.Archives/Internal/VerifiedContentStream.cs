using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Internal;

/// <summary>
/// Holds an entry's content to the size (and CRC-32, where there is one) its archive records. SharpCompress 0.50.8
/// checks neither for zip and 7z entries (a flipped byte in a stored entry reads back silently), and an audit must
/// not take a corrupt file for the real one. The
/// check happens when the content has been read to its end; a reader that stops early (the driver's size limits) gets
/// no verdict, which is right: it has not seen the whole file.
/// </summary>
internal sealed class VerifiedContentStream : ForwardOnlyStream
{
    private readonly Stream _inner;
    private readonly string _format;
    private readonly string _entry;
    private readonly long _expectedSize;
    private readonly uint? _expectedCrc;
    private uint _crc;
    private long _length;
    private bool _checked;

    public VerifiedContentStream(Stream inner, string format, string entry, long expectedSize, uint? expectedCrc)
    {
        _inner = inner;
        _format = format;
        _entry = entry;
        _expectedSize = expectedSize;
        _expectedCrc = expectedCrc;
    }

    public override long Position => _length;

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        if (read > 0)
        {
            if (_expectedCrc is not null)
            {
                _crc = Crc32.Append(_crc, buffer[..read]);
            }

            _length += read;
        }
        else if (!buffer.IsEmpty && !_checked)
        {
            _checked = true;
            if (_expectedCrc is { } expected && (_length != _expectedSize || _crc != expected))
            {
                throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                    $"{_format}: entry '{_entry}': the content is {_length} bytes with CRC-32 {_crc:x8}, but the archive records {_expectedSize} bytes with CRC-32 {expected:x8}: the data is corrupt"));
            }

            if (_length != _expectedSize)
            {
                throw new UnpackException(string.Create(CultureInfo.InvariantCulture,
                    $"{_format}: entry '{_entry}': the content ended after {_length} bytes, but the archive records {_expectedSize}: the data is corrupt"));
            }
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
