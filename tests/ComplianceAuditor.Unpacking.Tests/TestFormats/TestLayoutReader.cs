using System.Buffers.Binary;
using System.Globalization;

namespace ComplianceAuditor.Unpacking.Tests.TestFormats;

/// <summary>
/// A uImage-like test layout: a 16-byte header ("TLAY", version 1, 3 reserved zero bytes, payload length, load
/// address) and one opaque payload. Registered with <see cref="FormatRegistry.AddImageLayout"/>, so its payload is
/// searched for embedded images.
/// </summary>
internal sealed class TestLayoutReader : IFormatReader
{
    public const int HeaderSize = 16;

    public string Format => "tlay";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [new("TLAY"u8.ToArray())];

    public static byte[] Build(byte[] payload, uint loadAddress)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var image = new byte[HeaderSize + payload.Length];
        "TLAY"u8.CopyTo(image);
        image[4] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(8), (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(12), loadAddress);
        payload.CopyTo(image, HeaderSize);
        return image;
    }

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < HeaderSize || !head.StartsWith("TLAY"u8) || head[4] != 1 || head[5] != 0 || head[6] != 0 || head[7] != 0)
        {
            return null;
        }

        var payload = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
        return new FormatMatch(HeaderSize + (long)payload, string.Create(CultureInfo.InvariantCulture, $"test layout, {payload} bytes"));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        var header = new byte[HeaderSize];
        source.ReadExactly(0, header, "tlay header");
        var payload = source.Slice(HeaderSize, Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8)), source.Length - HeaderSize));
        yield return new UnpackedEntry
        {
            Path = "payload",
            Type = EntryType.File,
            Size = payload.Length,
            Offset = HeaderSize,
            LoadAddress = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12)),
            Open = payload.OpenStream,
        };
    }
}
