using System.Globalization;
using ComplianceAuditor.Formats.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Cpio;

/// <summary>
/// Reads cpio archives in the SVR4 layouts (with and without checksum), the POSIX portable ASCII layout and the old
/// binary layout in either byte order. Initramfs images and SWUpdate <c>.swu</c> files are cpio archives.
/// </summary>
public sealed class CpioReader : IFormatReader
{
    private const string Name = "cpio";

    /// <summary>Symlink targets longer than PATH_MAX are not paths; reading them would only be an allocation an attacker chooses.</summary>
    private const int MaxLinkTarget = 4096;

    /// <summary>How many headers Identify follows inside the head to find the trailer (and so the archive length).</summary>
    private const int IdentifyWalkLimit = 4096;

    /// <summary>Hard-link groups tracked in one archive; past this, later links are reported as the plain files they appear as.</summary>
    private const int MaxLinkGroups = 1_000_000;


    public string Format => Name;

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } =
    [
        new("070701"u8.ToArray()),
        new("070702"u8.ToArray()),
        new("070707"u8.ToArray()),
        new([0xC7, 0x71]),
        new([0x71, 0xC7]),
    ];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        try
        {
            return IdentifyCore(head, available);
        }
#pragma warning disable CA1031 // Identify must never throw, whatever the bytes are.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return ReadCore(source, context);
    }

    private static FormatMatch? IdentifyCore(ReadOnlySpan<byte> head, long available)
    {
        var first = CpioHeader.TryParse(head, 0, out _);
        if (first is null || !Plausible(first, head, available))
        {
            return null;
        }

        // Follow the headers that lie inside the head: an archive that ends there gets its exact length, and a
        // broken second header shows that the first "header" was a coincidence.
        long? length = null;
        var header = first;
        for (var i = 0; i < IdentifyWalkLimit; i++)
        {
            if (IsTrailer(header, head))
            {
                length = header.NextOffset;
                break;
            }

            var next = header.NextOffset;
            if (next + header.HeaderSize > head.Length)
            {
                break;
            }

            var following = CpioHeader.TryParse(head[(int)next..], next, out _);
            if (following is null || following.Variant != first.Variant || !Plausible(following, head, available))
            {
                return null;
            }

            header = following;
        }

        var description = first.Variant switch
        {
            CpioVariant.NewAscii => "cpio, SVR4 new ASCII (070701)",
            CpioVariant.NewCrc => "cpio, SVR4 new ASCII with checksums (070702)",
            CpioVariant.PortableAscii => "cpio, POSIX portable ASCII (070707)",
            CpioVariant.BinaryLittleEndian => "cpio, old binary, little-endian",
            _ => "cpio, old binary, big-endian",
        };
        return new FormatMatch(length, description);
    }

    private static bool Plausible(CpioHeader header, ReadOnlySpan<byte> head, long available)
    {
        if (header.FileSize > available - header.DataOffset || header.NameSize < 2)
        {
            return false;
        }

        var nameEnd = header.NameOffset + header.NameSize;
        if (nameEnd <= head.Length)
        {
            var name = head[(int)header.NameOffset..(int)nameEnd];
            if (name[^1] != 0 || name.IndexOf((byte)0) != name.Length - 1)
            {
                return false;
            }
        }

        return IsTrailer(header, head) || UnixModes.TypeOf(header.Mode) is not null;
    }

    private static bool IsTrailer(CpioHeader header, ReadOnlySpan<byte> head)
    {
        var nameEnd = header.NameOffset + header.NameSize;
        return header.NameSize == CpioHeader.TrailerName.Length + 1 && nameEnd <= head.Length &&
            head[(int)header.NameOffset..(int)(nameEnd - 1)].SequenceEqual("TRAILER!!!"u8);
    }

    private static IEnumerable<UnpackedEntry> ReadCore(UnpackSource source, UnpackContext context)
    {
        var window = new SourceWindow(source, Name);
        CpioVariant? variant = null;
        Dictionary<LinkKey, LinkGroup>? links = null;
        long offset = 0;
        while (true)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (offset >= source.Length)
            {
                throw Fail.Malformed(Name, $"the archive ends at 0x{offset:x} without a {CpioHeader.TrailerName} entry (truncated?)");
            }

            var (header, path) = ReadHeader(window, offset, variant);
            variant ??= header.Variant;
            if (path == CpioHeader.TrailerName)
            {
                yield break;
            }

            if (header.FileSize > source.Length - header.DataOffset)
            {
                throw Fail.Malformed(Name, $"entry '{path}' at 0x{offset:x} declares {header.FileSize} bytes of data, past the end of the {source.Length}-byte archive");
            }

            var type = UnixModes.TypeOf(header.Mode);
            if (type is null)
            {
                context.Warn(string.Create(CultureInfo.InvariantCulture,
                    $"cpio: entry '{path}' at 0x{offset:x} has unknown file type 0{Convert.ToString(header.Mode & UnixModes.TypeMask, 8)}; skipped"));
                offset = header.NextOffset;
                continue;
            }

            var entry = new UnpackedEntry
            {
                Path = path,
                Type = type.Value,
                Mode = (int)(header.Mode & 0xFFF),
                Uid = header.Uid,
                Gid = header.Gid,
            };

            switch (type.Value)
            {
                case EntryType.File when header.Links > 1:
                    links ??= CollectLinkGroups(window, header.Variant);
                    entry = LinkedFile(entry, header, path, links, source, context);
                    break;
                case EntryType.File:
                    entry = entry with
                    {
                        Size = header.FileSize,
                        Offset = header.DataOffset,
                        Open = ContentOpener(source, header, header.DataOffset, header.FileSize, header.Check, path, context),
                    };
                    break;
                case EntryType.Symlink:
                    entry = entry with { LinkTarget = ReadLinkTarget(source, header, path) };
                    break;
                case EntryType.CharDevice or EntryType.BlockDevice:
                    entry = entry with { Device = header.RDevice };
                    break;
                default:
                    break;
            }

            yield return entry;
            offset = header.NextOffset;
        }
    }

    private static (CpioHeader Header, string Path) ReadHeader(SourceWindow window, long offset, CpioVariant? expected)
    {
        var size = expected is { } v ? CpioHeader.SizeOf(v) : (int)Math.Min(CpioHeader.MaxHeaderSize, window.Length - offset);
        var bytes = window.Read(offset, Math.Max(size, 0), "header");
        var header = CpioHeader.TryParse(bytes, offset, out var error)
            ?? throw Fail.Malformed(Name, $"header at 0x{offset:x}: {error}");
        if (expected is { } e && header.Variant != e)
        {
            throw Fail.Malformed(Name, $"header at 0x{offset:x} is {header.Variant} in a {e} archive");
        }

        var nameBytes = window.Read(header.NameOffset, header.NameSize, "entry name");
        var path = header.TryDecodeName(nameBytes, out error)
            ?? throw Fail.Malformed(Name, $"entry at 0x{offset:x}: {error}");
        return (header, path);
    }

    private static string ReadLinkTarget(UnpackSource source, CpioHeader header, string path)
    {
        if (header.FileSize > MaxLinkTarget)
        {
            throw Fail.Malformed(Name, $"symlink '{path}' at 0x{header.Offset:x} has a {header.FileSize}-byte target (more than {MaxLinkTarget})");
        }

        var target = new byte[header.FileSize];
        source.ReadExactly(header.DataOffset, target, $"cpio: target of symlink '{path}'");
        return System.Text.Encoding.UTF8.GetString(target);
    }

    private static Func<Stream> ContentOpener(UnpackSource source, CpioHeader header, long dataOffset, long size, uint check, string path, UnpackContext context)
    {
        var slice = source.Slice(dataOffset, size);
        if (header.Variant != CpioVariant.NewCrc)
        {
            return slice.OpenStream;
        }

        return () =>
        {
            uint sum = 0;
            return new ObservedStream(slice.OpenStream(), bytes =>
            {
                foreach (var b in bytes)
                {
                    sum += b;
                }
            }, () =>
            {
                if (sum != check)
                {
                    context.Warn(string.Create(CultureInfo.InvariantCulture,
                        $"cpio: checksum of '{path}' is 0x{sum:x8} but its header at 0x{header.Offset:x} says 0x{check:x8}"));
                }
            });
        };
    }

    /// <summary>
    /// Hard links. The SVR4 writers store the data once, with the LAST name of a link group, and write the earlier
    /// names with size 0; the old layouts store the data with every name. Either way the first name met in storage
    /// order is reported as the file, with the content read from wherever the archive holds it, and every later name
    /// as a <see cref="EntryType.HardLink"/> to that first name: a link then always points backwards, to an entry the
    /// driver has already extracted, and no name ends up empty because its data comes later.
    /// </summary>
    private static UnpackedEntry LinkedFile(UnpackedEntry entry, CpioHeader header, string path, Dictionary<LinkKey, LinkGroup> links, UnpackSource source, UnpackContext context)
    {
        var key = new LinkKey(header.Device, header.Inode);
        if (!links.TryGetValue(key, out var group))
        {
            // Not grouped (too many groups, or the scan stopped at a broken entry): the name stands alone.
            return entry with
            {
                Size = header.FileSize,
                Offset = header.DataOffset,
                Open = ContentOpener(source, header, header.DataOffset, header.FileSize, header.Check, path, context),
            };
        }

        if (group.FirstOffset != header.Offset)
        {
            return entry with { Type = EntryType.HardLink, LinkTarget = group.FirstPath };
        }

        var carrier = group.Carrier ?? header;
        return entry with
        {
            Size = carrier.FileSize,
            Offset = carrier.DataOffset,
            Open = ContentOpener(source, carrier, carrier.DataOffset, carrier.FileSize, carrier.Check, path, context),
        };
    }

    /// <summary>
    /// One pass over the headers only (data is skipped) to learn, for every regular file with more than one link, its
    /// first name and which header carries its data. A malformed header ends the scan quietly: the main pass reports
    /// it when it gets there, after yielding everything before it.
    /// </summary>
    private static Dictionary<LinkKey, LinkGroup> CollectLinkGroups(SourceWindow mainWindow, CpioVariant variant)
    {
        var window = new SourceWindow(mainWindow.Source, Name);
        var groups = new Dictionary<LinkKey, LinkGroup>();
        long offset = 0;
        try
        {
            while (offset < window.Length)
            {
                var (header, path) = ReadHeader(window, offset, variant);
                if (path == CpioHeader.TrailerName || header.FileSize > window.Length - header.DataOffset)
                {
                    break;
                }

                if ((header.Mode & UnixModes.TypeMask) == 0x8000 && header.Links > 1)
                {
                    var key = new LinkKey(header.Device, header.Inode);
                    if (groups.TryGetValue(key, out var group))
                    {
                        if (header.FileSize > 0)
                        {
                            group.Carrier = header;
                        }
                    }
                    else if (groups.Count < MaxLinkGroups)
                    {
                        groups[key] = new LinkGroup(path, header.Offset) { Carrier = header.FileSize > 0 ? header : null };
                    }
                }

                offset = header.NextOffset;
            }
        }
        catch (UnpackException)
        {
            // See the summary: the main pass meets the same header and throws there.
        }

        return groups;
    }

    private readonly record struct LinkKey((long Major, long Minor) Device, long Inode);

    private sealed class LinkGroup(string firstPath, long firstOffset)
    {
        public string FirstPath { get; } = firstPath;

        public long FirstOffset { get; } = firstOffset;

        public CpioHeader? Carrier { get; set; }
    }
}
