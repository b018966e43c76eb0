using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Formats.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.UImage;

/// <summary>
/// Reads U-Boot legacy images (uImage): one payload after a 64-byte header, or for the MULTI type a table of part
/// sizes followed by the parts. The payload is handed out as stored (compressed when the header says so); the
/// driver recognises and opens the compressed stream itself.
/// </summary>
public sealed class UImageReader : IFormatReader
{
    private const string Name = "uimage";

    public string Format => Name;

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [new([0x27, 0x05, 0x19, 0x56])];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        var header = UImageHeader.TryParse(head);
        return header is null ? null : new FormatMatch(UImageHeader.Size + (long)header.DataSize, Describe(header));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var bytes = new byte[UImageHeader.Size];
        source.ReadExactly(0, bytes, "uimage: header");
        var header = UImageHeader.TryParse(bytes)
            ?? throw Fail.Malformed(Name, $"no valid header at 0x0 (bad magic or header CRC)");
        if (header.DataSize > source.Length - UImageHeader.Size)
        {
            throw Fail.Malformed(Name, $"data size {header.DataSize} at 0x40 runs past the end of the {source.Length}-byte image");
        }

        var data = source.Slice(UImageHeader.Size, header.DataSize);
        return header.ImageType == UImageHeader.TypeMulti ? ReadMulti(header, data, context) : ReadSingle(header, data, context);
    }

    private static IEnumerable<UnpackedEntry> ReadSingle(UImageHeader header, UnpackSource data, UnpackContext context)
    {
        var stem = EntryNames.Sanitise(header.Name, EntryNames.Sanitise(header.ImageTypeName, "image"));
        yield return new UnpackedEntry
        {
            Path = stem + header.Extension,
            Type = EntryType.File,
            Size = data.Length,
            Offset = UImageHeader.Size,
            LoadAddress = header.LoadAddress,
            Description = Describe(header),
            Open = () =>
            {
                var crc = Crc32.Start;
                return new ObservedStream(data.OpenStream(), bytes => crc = Crc32.Update(crc, bytes), () => CheckDataCrc(header, Crc32.Finish(crc), context));
            },
        };
    }

    /// <summary>
    /// MULTI images: big-endian u32 sizes ended by a zero word, then each part padded to 4 bytes. The data CRC covers
    /// the table and all parts, so it is checked in one pass before the parts are handed out.
    /// </summary>
    private static IEnumerable<UnpackedEntry> ReadMulti(UImageHeader header, UnpackSource data, UnpackContext context)
    {
        CheckDataCrc(header, ComputeCrc(data, context.CancellationToken), context);

        // At most one size word per 4 bytes of data; the zero word must come before the data ends.
        var sizes = new List<uint>();
        long position = 0;
        Span<byte> word = stackalloc byte[4];
        while (true)
        {
            if (position + 4 > data.Length)
            {
                throw Fail.Malformed(Name, $"multi-file size table at 0x40 has no terminating zero within the {data.Length}-byte image data");
            }

            data.ReadExactly(position, word, "uimage: multi-file size table");
            position += 4;
            var size = BinaryPrimitives.ReadUInt32BigEndian(word);
            if (size == 0)
            {
                break;
            }

            sizes.Add(size);
        }

        for (var i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] > data.Length - position)
            {
                throw Fail.Malformed(Name, $"multi-file part {i} at 0x{UImageHeader.Size + position:x} ({sizes[i]} bytes) runs past the end of the {data.Length}-byte image data");
            }

            var part = data.Slice(position, sizes[i]);
            yield return new UnpackedEntry
            {
                Path = string.Create(CultureInfo.InvariantCulture, $"part-{i}.bin"),
                Type = EntryType.File,
                Size = part.Length,
                Offset = UImageHeader.Size + position,
                // U-Boot boots part 0 (the kernel) at the header's load address; the other parts (ramdisk, device
                // tree) are placed wherever the boot command puts them, so they get no address here.
                LoadAddress = i == 0 ? header.LoadAddress : null,
                Description = string.Create(CultureInfo.InvariantCulture, $"part {i} of {sizes.Count} of {Describe(header)}"),
                Open = part.OpenStream,
            };
            position = (position + sizes[i] + 3) & ~3L;
        }
    }

    private static uint ComputeCrc(UnpackSource data, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var crc = Crc32.Start;
        for (long at = 0; at < data.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = data.ReadAt(at, buffer);
            if (n <= 0)
            {
                break;
            }

            crc = Crc32.Update(crc, buffer.AsSpan(0, n));
            at += n;
        }

        return Crc32.Finish(crc);
    }

    private static void CheckDataCrc(UImageHeader header, uint actual, UnpackContext context)
    {
        if (actual != header.DataCrc)
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"uimage: data CRC is 0x{actual:x8} but the header says 0x{header.DataCrc:x8}"));
        }
    }

    private static string Describe(UImageHeader header) => string.Create(CultureInfo.InvariantCulture,
        $"uImage '{header.Name}': os {header.OsName}, arch {header.ArchitectureName}, type {header.ImageTypeName}, compression {header.CompressionName}, {header.DataSize} bytes, load 0x{header.LoadAddress:x8}, entry 0x{header.EntryPoint:x8}");
}
