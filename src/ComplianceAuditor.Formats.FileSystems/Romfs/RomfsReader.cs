using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Romfs;

/// <summary>
/// romfs, the minimal read-only file system of embedded Linux: a "-rom1fs-" header with the image size and a
/// checksum of its first 512 bytes, a volume name, then linked lists of 16-byte aligned file headers, one list per
/// directory. Data is stored uncompressed right after each header. It keeps no owners or permissions beyond an
/// executable bit; modes are reported as the kernel derives them.
/// </summary>
public sealed class RomfsReader : IFormatReader
{
    private const int MaxLinkTarget = 4096;

    private static ReadOnlySpan<byte> Magic => "-rom1fs-"u8;

    public string Format => "romfs";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [new FormatSignature("-rom1fs-"u8.ToArray())];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        if (head.Length < 32 || !head.StartsWith(Magic))
        {
            return null;
        }

        var size = BinaryPrimitives.ReadUInt32BigEndian(head[8..]);
        var nameEnd = head[16..].IndexOf((byte)0);

        // The smallest image holds the header, a volume name and one file header.
        if (size < 48 || nameEnd < 0)
        {
            return null;
        }

        var name = Encoding.UTF8.GetString(head.Slice(16, nameEnd));
        var checkedBytes = (int)Math.Min(size, 512);
        var checksum = head.Length >= checkedBytes ? (Checksum(head[..checkedBytes]) == 0 ? ", checksum ok" : ", bad checksum") : string.Empty;
        return new FormatMatch(size, Invariant.Text($"romfs '{name}', {size} bytes{checksum}"));
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var header = new byte[16];
        source.ReadExactly(0, header, "romfs header");
        if (!header.AsSpan().StartsWith(Magic))
        {
            throw Invariant.Malformed($"romfs: {source.Name} does not start with \"-rom1fs-\"");
        }

        var size = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8));
        if (size > source.Length)
        {
            throw Invariant.Malformed($"romfs: the header declares {size} bytes but only {source.Length} are present (truncated image)");
        }

        var image = source.Slice(0, size);
        var checkedBytes = new byte[(int)Math.Min(size, 512)];
        image.ReadExactly(0, checkedBytes, "romfs checksummed header area");
        if (Checksum(checkedBytes) != 0)
        {
            context.Warn(Invariant.Text(
                $"romfs: the checksum of the first {checkedBytes.Length} bytes does not add up to zero; the image may be corrupt"));
        }

        RomfsHeader.ReadName(image, 16, out var volumeNameLength);
        var records = Walk(image, 16 + RomfsHeader.Align16(volumeNameLength + 1), context);
        return Entries(image, records, context);
    }

    /// <summary>The sum of the big-endian 32-bit words, which a valid image makes zero with its checksum field.</summary>
    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]);
        }

        return sum;
    }

    /// <summary>
    /// Lists the whole tree first, because a hard link may name a header that comes later. Every header is read at
    /// most once: one reached again through a next or spec pointer means the lists loop.
    /// </summary>
    private static List<(string Path, RomfsHeader Header)> Walk(UnpackSource image, long firstHeader, UnpackContext context)
    {
        var visited = new HashSet<long>();
        var records = new List<(string, RomfsHeader)>();
        var pending = new Stack<(string Parent, long Offset)>();
        pending.Push((string.Empty, firstHeader));
        while (pending.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (parent, offset) = pending.Pop();
            if (offset == 0)
            {
                continue;
            }

            if (!visited.Add(offset))
            {
                throw Invariant.Malformed($"romfs: the file header at 0x{offset:x} is reached a second time (a next or spec pointer loop)");
            }

            var header = RomfsHeader.Read(image, offset);
            pending.Push((parent, header.Next));
            if (header.Name is "." or "..")
            {
                continue;
            }

            var path = TreePath.Join(parent, header.Name, "romfs");
            records.Add((path, header));
            if (header.Type == RomfsHeader.Directory)
            {
                pending.Push((path, header.Spec & ~15u));
            }
        }

        return records;
    }

    private static IEnumerable<UnpackedEntry> Entries(UnpackSource image, List<(string Path, RomfsHeader Header)> records, UnpackContext context)
    {
        var byOffset = new Dictionary<long, (string Path, RomfsHeader Header)>();
        foreach (var record in records)
        {
            byOffset[record.Header.Offset] = record;
        }

        var unresolved = 0;
        foreach (var (path, header) in records)
        {
            var entry = new UnpackedEntry { Path = path, Type = EntryType.File, Mode = KernelMode(header) };
            switch (header.Type)
            {
                case RomfsHeader.HardLink:
                    var target = ResolveLink(byOffset, header);
                    if (target is null)
                    {
                        unresolved++;
                        continue;
                    }

                    yield return entry with { Type = EntryType.HardLink, LinkTarget = target, Mode = null };
                    break;
                case RomfsHeader.Directory:
                    yield return entry with { Type = EntryType.Directory };
                    break;
                case RomfsHeader.Regular:
                    CheckData(image, path, header);
                    var data = image.Slice(header.DataOffset, header.Size);
                    yield return entry with { Size = header.Size, Offset = header.DataOffset, Open = data.OpenStream };
                    break;
                case RomfsHeader.Symlink:
                    CheckData(image, path, header);
                    if (header.Size > MaxLinkTarget)
                    {
                        throw Invariant.Malformed($"romfs: symlink '{path}' at 0x{header.Offset:x} claims a {header.Size}-byte target");
                    }

                    var bytes = new byte[header.Size];
                    image.ReadExactly(header.DataOffset, bytes, "romfs symlink target");
                    yield return entry with { Type = EntryType.Symlink, Size = header.Size, LinkTarget = Encoding.UTF8.GetString(bytes) };
                    break;
                case RomfsHeader.BlockDevice or RomfsHeader.CharDevice:
                    var type = header.Type == RomfsHeader.BlockDevice ? EntryType.BlockDevice : EntryType.CharDevice;
                    yield return entry with { Type = type, Device = (header.Spec >> 16, header.Spec & 0xFFFF) };
                    break;
                case RomfsHeader.Socket:
                    yield return entry with { Type = EntryType.Socket };
                    break;
                default:
                    yield return entry with { Type = EntryType.Fifo };
                    break;
            }
        }

        if (unresolved > 0)
        {
            context.Warn(Invariant.Text($"romfs: {unresolved} hard links point at no file header of the tree and were skipped"));
        }
    }

    /// <summary>The path a hard link names; chains of links are followed, and a chain that loops is refused.</summary>
    private static string? ResolveLink(Dictionary<long, (string Path, RomfsHeader Header)> byOffset, RomfsHeader link)
    {
        var seen = new HashSet<long> { link.Offset };
        var target = (long)(link.Spec & ~15u);
        while (byOffset.TryGetValue(target, out var record))
        {
            if (record.Header.Type != RomfsHeader.HardLink)
            {
                return record.Path;
            }

            if (!seen.Add(target))
            {
                throw Invariant.Malformed($"romfs: the hard link at 0x{link.Offset:x} is part of a chain of hard links that loops");
            }

            target = record.Header.Spec & ~15u;
        }

        return null;
    }

    private static void CheckData(UnpackSource image, string path, RomfsHeader header)
    {
        if (header.DataOffset > image.Length || header.Size > image.Length - header.DataOffset)
        {
            throw Invariant.Malformed(
                $"romfs: the data of '{path}' at 0x{header.DataOffset:x} ({header.Size} bytes) runs past the end of the {image.Length}-byte image");
        }
    }

    /// <summary>The mode the Linux romfs driver gives each type, plus execute bits when the header's flag is set.</summary>
    private static int KernelMode(RomfsHeader header)
    {
        // Octal 0777 for symlinks, 0600 for devices, 0644 for the rest; the flag adds 0111.
        var permissions = header.Type switch
        {
            RomfsHeader.Symlink => 0x1FF,
            RomfsHeader.BlockDevice or RomfsHeader.CharDevice => 0x180,
            _ => 0x1A4,
        };
        return header.Executable ? permissions | 0x49 : permissions;
    }
}
