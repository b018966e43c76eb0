using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Formats.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.DeviceTree;

/// <summary>
/// A parsed flattened device tree: a DTB, a U-Boot control DTB (with its <c>/signature</c> keys) or the tree of a
/// FIT image. The parser trusts nothing in the blob: every block must lie inside <c>totalsize</c>, every token and
/// value inside the struct block, and nesting, node and property counts are bounded by <see cref="FdtLimits"/>.
/// Malformed trees raise <see cref="UnpackException"/> with the offset of the fault.
/// </summary>
public sealed class FlattenedDeviceTree
{
    private const string Name = "fdt";
    private const uint TokenBeginNode = 1;
    private const uint TokenEndNode = 2;
    private const uint TokenProperty = 3;
    private const uint TokenNop = 4;
    private const uint TokenEnd = 9;

    /// <summary>Node names are at most 31 characters plus a unit address by the specification; this leaves room for odd ones.</summary>
    private const int MaxNodeNameBytes = 4096;

    private FlattenedDeviceTree(FdtHeader header, FdtNode root, IReadOnlyList<FdtReservation> reservations, int nodeCount, int propertyCount)
    {
        Header = header;
        Root = root;
        MemoryReservations = reservations;
        NodeCount = nodeCount;
        PropertyCount = propertyCount;
    }

    public FdtHeader Header { get; }

    public FdtNode Root { get; }

    public IReadOnlyList<FdtReservation> MemoryReservations { get; }

    public int NodeCount { get; }

    public int PropertyCount { get; }

    /// <summary>The node at an absolute path such as <c>/images/kernel</c> or <c>/signature/key-dev</c>; null when absent.</summary>
    public FdtNode? FindNode(string path) => Root.FindNode(path);

    /// <summary>Parses a tree held in memory.</summary>
    public static FlattenedDeviceTree Parse(ReadOnlyMemory<byte> blob, FdtLimits? limits = null) =>
        Parse(UnpackSource.FromBytes("device tree", blob), limits);

    /// <summary>
    /// Parses the tree at the start of <paramref name="source"/>; the source may continue past <c>totalsize</c>
    /// (a FIT's external data does). Large property values are not read, only located.
    /// </summary>
    public static FlattenedDeviceTree Parse(UnpackSource source, FdtLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        limits ??= new FdtLimits();
        var headBytes = new byte[(int)Math.Min(FdtHeader.Size, source.Length)];
        source.ReadExactly(0, headBytes, "fdt: header");
        var header = FdtHeader.TryParse(headBytes, source.Length, out var error)
            ?? throw Fail.Malformed(Name, $"header at 0x0: {error}");
        if (header.StringsSize > limits.MaxStringsBlockBytes)
        {
            throw Fail.Malformed(Name, $"strings block at 0x{header.StringsOffset:x} has {header.StringsSize} bytes, more than the limit of {limits.MaxStringsBlockBytes}");
        }

        var strings = new byte[header.StringsSize];
        source.ReadExactly(header.StringsOffset, strings, "fdt: strings block");
        var reservations = ReadReservations(source, header, limits);
        var parser = new StructParser(source, header, strings, limits, cancellationToken);
        var root = parser.Parse();
        return new FlattenedDeviceTree(header, root, reservations, parser.NodeCount, parser.PropertyCount);
    }

    /// <summary>
    /// Looks for a node called <paramref name="name"/> directly under the root using only the bytes in
    /// <paramref name="head"/> (what a format's Identify sees). True or false when the root's children could all be
    /// seen (or the node was found); null when the head ends first. Never throws.
    /// </summary>
    public static bool? HasTopLevelNode(ReadOnlySpan<byte> head, FdtHeader header, string name)
    {
        ArgumentNullException.ThrowIfNull(header);
        var wanted = Encoding.ASCII.GetBytes(name);
        long position = header.StructOffset;
        long end = Math.Min((long)header.StructOffset + header.StructSize, head.Length);
        var depth = 0;
        for (var steps = 0; steps < 1_000_000; steps++)
        {
            if (position + 4 > end)
            {
                return null;
            }

            var token = BinaryPrimitives.ReadUInt32BigEndian(head[(int)position..]);
            position += 4;
            switch (token)
            {
                case TokenBeginNode:
                    var rest = head[(int)position..(int)end];
                    var nul = rest[..Math.Min(rest.Length, MaxNodeNameBytes)].IndexOf((byte)0);
                    if (nul < 0)
                    {
                        return null;
                    }

                    if (depth == 1 && rest[..nul].SequenceEqual(wanted))
                    {
                        return true;
                    }

                    depth++;
                    position += (nul + 4) & ~3;
                    break;
                case TokenEndNode:
                    depth--;
                    if (depth <= 0)
                    {
                        return false;
                    }

                    break;
                case TokenProperty:
                    if (position + 8 > end)
                    {
                        return null;
                    }

                    var length = BinaryPrimitives.ReadUInt32BigEndian(head[(int)position..]);
                    position += 8 + ((length + 3L) & ~3L);
                    break;
                case TokenNop:
                    break;
                default:
                    return false;
            }
        }

        return null;
    }

    private static List<FdtReservation> ReadReservations(UnpackSource source, FdtHeader header, FdtLimits limits)
    {
        var list = new List<FdtReservation>();
        Span<byte> entry = stackalloc byte[16];
        for (long at = header.ReservationsOffset; ; at += 16)
        {
            if (at + 16 > header.TotalSize)
            {
                throw Fail.Malformed(Name, $"memory reservation block at 0x{header.ReservationsOffset:x} has no terminating entry inside the tree");
            }

            source.ReadExactly(at, entry, "fdt: memory reservation entry");
            var address = BinaryPrimitives.ReadUInt64BigEndian(entry);
            var size = BinaryPrimitives.ReadUInt64BigEndian(entry[8..]);
            if (address == 0 && size == 0)
            {
                return list;
            }

            if (list.Count >= limits.MaxReservations)
            {
                throw Fail.Malformed(Name, $"memory reservation block at 0x{header.ReservationsOffset:x} has more than {limits.MaxReservations} entries");
            }

            list.Add(new FdtReservation(address, size));
        }
    }

    /// <summary>Walks the struct block token by token; its state is one parse.</summary>
    private sealed class StructParser(UnpackSource source, FdtHeader header, byte[] strings, FdtLimits limits, CancellationToken cancellationToken)
    {
        private readonly SourceWindow _window = new(source, Name);
        private readonly Dictionary<uint, string> _names = [];
        private readonly long _end = (long)header.StructOffset + header.StructSize;
        private long _loaded;

        public int NodeCount { get; private set; }

        public int PropertyCount { get; private set; }

        public FdtNode Parse()
        {
            long position = header.StructOffset;
            FdtNode? root = null;
            FdtNode? current = null;
            while (true)
            {
                if ((NodeCount + PropertyCount) % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var tokenAt = position;
                var token = ReadU32(position, "token");
                position += 4;
                switch (token)
                {
                    case TokenBeginNode:
                        if (root is not null && current is null)
                        {
                            throw Fail.Malformed(Name, $"second root node at 0x{tokenAt:x}");
                        }

                        var (name, next) = ReadNodeName(position);
                        if (current is not null && current.Depth + 1 > limits.MaxDepth)
                        {
                            throw Fail.Malformed(Name, $"node '{name}' at 0x{tokenAt:x} is nested deeper than {limits.MaxDepth} levels");
                        }

                        if (++NodeCount > limits.MaxNodes)
                        {
                            throw Fail.Malformed(Name, $"more than {limits.MaxNodes} nodes (at 0x{tokenAt:x})");
                        }

                        var node = new FdtNode(current is null ? string.Empty : name, current, tokenAt);
                        current?.Add(node);
                        root ??= node;
                        current = node;
                        position = next;
                        break;
                    case TokenEndNode:
                        current = current is null
                            ? throw Fail.Malformed(Name, $"END_NODE at 0x{tokenAt:x} without an open node")
                            : current.Parent;
                        break;
                    case TokenProperty:
                        if (current is null)
                        {
                            throw Fail.Malformed(Name, $"property at 0x{tokenAt:x} outside any node");
                        }

                        position = ReadProperty(current, position, tokenAt);
                        break;
                    case TokenNop:
                        break;
                    case TokenEnd:
                        if (root is null || current is not null)
                        {
                            throw Fail.Malformed(Name, $"END token at 0x{tokenAt:x} before the root node is closed");
                        }

                        return root;
                    default:
                        throw Fail.Malformed(Name, $"unknown token 0x{token:x} at 0x{tokenAt:x}");
                }
            }
        }

        private uint ReadU32(long position, string what)
        {
            if (position + 4 > _end)
            {
                throw Fail.Malformed(Name, $"struct block at 0x{header.StructOffset:x} ends at 0x{_end:x} before its END token (reading a {what} at 0x{position:x})");
            }

            return BinaryPrimitives.ReadUInt32BigEndian(_window.Read(position, 4, "fdt struct block"));
        }

        private (string Name, long Next) ReadNodeName(long position)
        {
            var span = _window.Read(position, (int)Math.Min(MaxNodeNameBytes, _end - position), "node name");
            var nul = span.IndexOf((byte)0);
            if (nul < 0)
            {
                throw Fail.Malformed(Name, $"node name at 0x{position:x} is not NUL-terminated within the struct block");
            }

            return (Encoding.UTF8.GetString(span[..nul]), position + ((nul + 4) & ~3));
        }

        private long ReadProperty(FdtNode node, long position, long tokenAt)
        {
            var length = ReadU32(position, "property length");
            var nameOffset = ReadU32(position + 4, "property name offset");
            var valueAt = position + 8;
            var name = PropertyName(nameOffset, tokenAt);
            if (length > _end - valueAt)
            {
                throw Fail.Malformed(Name, $"property '{name}' at 0x{tokenAt:x} of node '{node.Path}' declares {length} bytes, past the end of the struct block at 0x{_end:x}");
            }

            if (++PropertyCount > limits.MaxProperties)
            {
                throw Fail.Malformed(Name, $"more than {limits.MaxProperties} properties (at 0x{tokenAt:x})");
            }

            ReadOnlyMemory<byte>? value = null;
            if (length <= limits.MaxLoadedValueBytes && _loaded + length <= limits.MaxLoadedBytes)
            {
                var bytes = new byte[length];
                source.ReadExactly(valueAt, bytes, "fdt: property value");
                _loaded += length;
                value = bytes;
            }

            node.Add(new FdtProperty(name, valueAt, length, value));
            return valueAt + ((length + 3L) & ~3L);
        }

        private string PropertyName(uint offset, long tokenAt)
        {
            if (_names.TryGetValue(offset, out var cached))
            {
                return cached;
            }

            var nul = offset < strings.Length ? strings.AsSpan((int)offset).IndexOf((byte)0) : -1;
            if (nul < 0)
            {
                throw Fail.Malformed(Name, $"property at 0x{tokenAt:x} names string offset {offset}, outside the {strings.Length}-byte strings block or unterminated");
            }

            var name = Encoding.UTF8.GetString(strings, (int)offset, nul);
            _names[offset] = name;
            return name;
        }
    }
}
