using ComplianceAuditor.Formats.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.HexRecords;

/// <summary>
/// Reads text lines from a source, from any starting offset, through a fixed buffer. Lines longer than
/// <see cref="MaxLineLength"/> are an error: a record line is at most about 520 characters, so anything longer is
/// not a record file and must not make the reader buffer it.
/// </summary>
internal sealed class TextLineReader(UnpackSource source, long offset, long lineNumber, string format, int bufferSize = 64 * 1024)
{
    public const int MaxLineLength = 1024;

    private readonly byte[] _buffer = new byte[bufferSize];
    private long _bufferStart = offset;
    private int _count;
    private int _position;
    private long _nextLineNumber = lineNumber;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Offset in the source where the line last returned starts.</summary>
    public long LineOffset { get; private set; }

    /// <summary>The next line without its line ending; false at the end of the source.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_position, _count - _position).IndexOf((byte)'\n');
            var atEnd = _bufferStart + _count >= source.Length;
            if (newline < 0 && !atEnd && _count - _position < MaxLineLength + 2)
            {
                Refill();
                continue;
            }

            var length = newline >= 0 ? newline : _count - _position;
            if (length == 0 && newline < 0)
            {
                line = default;
                return false;
            }

            LineNumber = _nextLineNumber++;
            LineOffset = _bufferStart + _position;
            if (length > MaxLineLength + 1)
            {
                throw Fail.Malformed(format, $"line {LineNumber} at 0x{LineOffset:x} is longer than {MaxLineLength} characters");
            }

            line = _buffer.AsSpan(_position, length);
            _position += newline >= 0 ? length + 1 : length;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            return true;
        }
    }

    private void Refill()
    {
        var keep = _count - _position;
        Array.Copy(_buffer, _position, _buffer, 0, keep);
        _bufferStart += _position;
        _position = 0;
        var n = source.ReadAt(_bufferStart + keep, _buffer.AsSpan(keep));
        _count = keep + Math.Max(n, 0);
    }
}
