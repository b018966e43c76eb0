using System.Buffers.Binary;

namespace ComplianceAuditor.Formats.DeviceTree;

/// <summary>
/// The header of a flattened device tree (DTB, and the FIT images built on it), all fields big-endian. Versions 16
/// and 17 are the ones in use; 16 lacks the struct-block size, which is then bounded by the total size.
/// </summary>
public sealed record FdtHeader
{
    public const uint Magic = 0xD00DFEED;

    /// <summary>Bytes of the version 17 header; version 16 stops 4 bytes earlier.</summary>
    public const int Size = 40;

    public required uint TotalSize { get; init; }

    public required uint StructOffset { get; init; }

    public required uint StringsOffset { get; init; }

    public required uint ReservationsOffset { get; init; }

    public required uint Version { get; init; }

    public required uint LastCompatibleVersion { get; init; }

    public required uint BootCpuId { get; init; }

    public required uint StringsSize { get; init; }

    /// <summary>The struct block's size: from the header in version 17, else what is left of the blob after its start.</summary>
    public required uint StructSize { get; init; }

    /// <summary>
    /// Decodes the header and checks that every block lies inside <c>totalsize</c>, and <c>totalsize</c> inside
    /// <paramref name="available"/>. Returns null with <paramref name="error"/> set otherwise.
    /// </summary>
    public static FdtHeader? TryParse(ReadOnlySpan<byte> bytes, long available, out string? error)
    {
        error = null;
        if (bytes.Length < 36 || BinaryPrimitives.ReadUInt32BigEndian(bytes) != Magic)
        {
            error = "no device-tree magic number";
            return null;
        }

        var totalSize = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        var structOffset = BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]);
        var stringsOffset = BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);
        var reservationsOffset = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        var version = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        var lastCompatible = BinaryPrimitives.ReadUInt32BigEndian(bytes[24..]);
        var stringsSize = BinaryPrimitives.ReadUInt32BigEndian(bytes[32..]);
        var headerSize = version >= 17 ? Size : 36;
        if (version < 16 || lastCompatible > 17 || lastCompatible > version)
        {
            error = $"version {version} (compatible with {lastCompatible}) is not 16 or 17";
            return null;
        }

        if (version >= 17 && bytes.Length < Size)
        {
            error = "header is cut short";
            return null;
        }

        if (totalSize < headerSize || totalSize > available)
        {
            error = $"total size {totalSize} is outside {headerSize}..{available} bytes";
            return null;
        }

        var structSize = version >= 17 ? BinaryPrimitives.ReadUInt32BigEndian(bytes[36..]) : (structOffset <= totalSize ? totalSize - structOffset : 0);
        if (!Inside(structOffset, structSize, headerSize, totalSize) || structOffset % 4 != 0 || structSize < 8)
        {
            error = $"struct block at 0x{structOffset:x} ({structSize} bytes) is not inside the {totalSize}-byte tree";
            return null;
        }

        if (!Inside(stringsOffset, stringsSize, headerSize, totalSize))
        {
            error = $"strings block at 0x{stringsOffset:x} ({stringsSize} bytes) is not inside the {totalSize}-byte tree";
            return null;
        }

        if (!Inside(reservationsOffset, 16, headerSize, totalSize) || reservationsOffset % 8 != 0)
        {
            error = $"memory reservation block at 0x{reservationsOffset:x} is not inside the {totalSize}-byte tree";
            return null;
        }

        return new FdtHeader
        {
            TotalSize = totalSize,
            StructOffset = structOffset,
            StringsOffset = stringsOffset,
            ReservationsOffset = reservationsOffset,
            Version = version,
            LastCompatibleVersion = lastCompatible,
            BootCpuId = BinaryPrimitives.ReadUInt32BigEndian(bytes[28..]),
            StringsSize = stringsSize,
            StructSize = structSize,
        };
    }

    private static bool Inside(uint offset, uint size, int headerSize, uint totalSize) =>
        offset >= headerSize && offset <= totalSize && size <= totalSize - offset;
}
