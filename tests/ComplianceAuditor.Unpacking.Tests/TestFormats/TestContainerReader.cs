using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Unpacking.Tests.TestFormats;

/// <summary>Reads the test container format written by <see cref="TestContainerBuilder"/>, checking every field against the image.</summary>
internal sealed class TestContainerReader : IFormatReader
{
    private const int MaxEntries = 1_000_000;

    public string Format => "tcnt";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [new("TCNT"u8.ToArray())];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < TestContainerBuilder.HeaderSize || !head.StartsWith("TCNT"u8) || head[4] != 1 || head[5] > 1 || head[6] != 0 || head[7] != 0)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
        var count = BinaryPrimitives.ReadUInt32LittleEndian(head[12..]);
        var declared = head[5] == 0;
        if (count > MaxEntries || (declared && length < TestContainerBuilder.HeaderSize) || (!declared && length != 0))
        {
            return null;
        }

        return new FormatMatch(declared ? length : null, string.Create(CultureInfo.InvariantCulture, $"test container, {count} entries"));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var header = new byte[TestContainerBuilder.HeaderSize];
        source.ReadExactly(0, header, "tcnt header");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12));
        if (count > MaxEntries)
        {
            throw new UnpackException($"tcnt: entry count {count} at 0xc is not plausible");
        }

        long at = TestContainerBuilder.HeaderSize;
        for (var i = 0; i < count; i++)
        {
            var entryAt = at;
            var kind = (TestEntryKind)ReadByte(source, ref at);
            var path = ReadText(source, ref at, "path");
            var link = ReadText(source, ref at, "link target");
            var mode = (int)ReadUInt32(source, ref at, "mode");
            var major = ReadUInt32(source, ref at, "major");
            var minor = ReadUInt32(source, ref at, "minor");
            var dataLength = ReadUInt32(source, ref at, "data length");
            if (dataLength > source.Length - at)
            {
                throw new UnpackException(string.Create(CultureInfo.InvariantCulture, $"tcnt: data of entry {i} at 0x{at:x} runs past the end of the image"));
            }

            var data = source.Slice(at, dataLength);
            at += dataLength;
            switch (kind)
            {
                case TestEntryKind.Corrupt:
                    throw new UnpackException(string.Create(CultureInfo.InvariantCulture, $"tcnt: entry table at 0x{entryAt:x} is corrupt"));
                case TestEntryKind.Unavailable:
                    throw new ReaderUnavailableException(path);
                case TestEntryKind.Warning:
                    context.Warn(path);
                    continue;
                default:
                    yield return Entry(kind, path, link, mode, (major, minor), data);
                    break;
            }
        }
    }

    private static UnpackedEntry Entry(TestEntryKind kind, string path, string link, int mode, (long, long) device, UnpackSource data)
    {
        var entry = new UnpackedEntry { Path = path, Type = EntryType.File, Mode = mode, Uid = 0, Gid = 0 };
        return kind switch
        {
            TestEntryKind.File => entry with { Size = data.Length, Offset = null, Open = data.OpenStream },
            TestEntryKind.Directory => entry with { Type = EntryType.Directory },
            TestEntryKind.Symlink => entry with { Type = EntryType.Symlink, LinkTarget = link },
            TestEntryKind.HardLink => entry with { Type = EntryType.HardLink, LinkTarget = link },
            TestEntryKind.CharDevice => entry with { Type = EntryType.CharDevice, Device = device },
            TestEntryKind.BlockDevice => entry with { Type = EntryType.BlockDevice, Device = device },
            TestEntryKind.Fifo => entry with { Type = EntryType.Fifo },
            TestEntryKind.Socket => entry with { Type = EntryType.Socket },
            TestEntryKind.Repeat => Repeated(entry, data),
            TestEntryKind.BrokenFile => entry with { Size = data.Length + 1, Open = () => new FailingStream(data.OpenStream()) },
            TestEntryKind.OpenFails => entry with { Open = () => throw new InvalidDataException($"tcnt: '{path}' has an unknown compression method") },
            _ => throw new UnpackException($"tcnt: entry kind {(byte)kind} of '{path}' is unknown"),
        };
    }

    private static UnpackedEntry Repeated(UnpackedEntry entry, UnpackSource data)
    {
        var spec = new byte[5];
        data.ReadExactly(0, spec, "repeat specification");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(spec.AsSpan(1));
        return entry with { Size = count, Open = () => new RepeatStream(spec[0], count) };
    }

    private static byte ReadByte(UnpackSource source, ref long at)
    {
        Span<byte> one = stackalloc byte[1];
        source.ReadExactly(at, one, "entry kind");
        at++;
        return one[0];
    }

    private static uint ReadUInt32(UnpackSource source, ref long at, string what)
    {
        Span<byte> four = stackalloc byte[4];
        source.ReadExactly(at, four, what);
        at += 4;
        return BinaryPrimitives.ReadUInt32LittleEndian(four);
    }

    private static string ReadText(UnpackSource source, ref long at, string what)
    {
        Span<byte> two = stackalloc byte[2];
        source.ReadExactly(at, two, what + " length");
        at += 2;
        var bytes = new byte[BinaryPrimitives.ReadUInt16LittleEndian(two)];
        source.ReadExactly(at, bytes, what);
        at += bytes.Length;
        return Encoding.UTF8.GetString(bytes);
    }
}
