using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ComplianceAuditor.Core.Compact;

/// <summary>Writes one record: variable-length integers, fixed 64-bit numbers, UTF-8 strings and raw bytes.</summary>
public sealed class RecordWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void Reset() => _buffer.ResetWrittenCount();

    /// <summary>An unsigned number in 7-bit groups, low group first; small numbers take one byte.</summary>
    public void Count(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        _buffer.Advance(n);
    }

    /// <summary>A signed number, zigzag-coded so that small negative numbers also take one byte.</summary>
    public void Number(long value) => Count((ulong)((value << 1) ^ (value >> 63)));

    public void Fixed64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    /// <summary>
    /// A string as UTF-8, or as its raw UTF-16 code units when it holds a lone surrogate, which UTF-8 cannot carry:
    /// the string read back must be the same string. The length's low bit says which.
    /// </summary>
    public void Text(string value)
    {
        int length;
        try
        {
            length = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            length = value.Length * 2;
            Count(((ulong)length << 1) | 1);
            _buffer.Write(MemoryMarshal.AsBytes(value.AsSpan()));
            return;
        }

        Count((ulong)length << 1);
        StrictUtf8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public void Bytes(ReadOnlySpan<byte> value) => _buffer.Write(value);
}
