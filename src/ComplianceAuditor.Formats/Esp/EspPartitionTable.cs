using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Formats.Common;

namespace ComplianceAuditor.Formats.Esp;

/// <summary>How the optional MD5 entry of a partition table relates to the entries before it.</summary>
public enum EspTableChecksum
{
    Absent,
    Valid,
    Invalid,
}

/// <summary>
/// An ESP-IDF partition table: 32-byte entries with magic <c>AA 50</c>, optionally an MD5 entry (<c>EB EB</c>,
/// 14 bytes of padding, the MD5 of all entries before it), ended by erased flash (0xFF) or the end of the
/// 0xC00-byte table area.
/// </summary>
public sealed record EspPartitionTable
{
    /// <summary>Where ESP-IDF places the table unless the project moves it.</summary>
    public const int DefaultOffset = 0x8000;

    /// <summary>The area reserved for the table (ESP_PARTITION_TABLE_MAX_LEN).</summary>
    public const int MaxLength = 0xC00;

    public const int EntrySize = 32;

    public required IReadOnlyList<EspPartition> Partitions { get; init; }

    public required EspTableChecksum Checksum { get; init; }

    /// <summary>Bytes of entries, including the MD5 entry when present.</summary>
    public required int Length { get; init; }

    /// <summary>
    /// Parses a table from <paramref name="bytes"/> (the table area, up to <see cref="MaxLength"/> bytes). Returns
    /// null with <paramref name="error"/> when the first entry is not a partition entry or an entry is implausible
    /// (offset not 4 KiB-aligned, zero size, label not text).
    /// </summary>
    public static EspPartitionTable? TryParse(ReadOnlySpan<byte> bytes, out string? error)
    {
        var partitions = new List<EspPartition>();
        var checksum = EspTableChecksum.Absent;
        var at = 0;
        bytes = bytes[..Math.Min(bytes.Length, MaxLength)];
        for (; at + EntrySize <= bytes.Length; at += EntrySize)
        {
            var entry = bytes.Slice(at, EntrySize);
            if (entry[0] == 0xFF && entry[1] == 0xFF)
            {
                break;
            }

            if (entry[0] == 0xEB && entry[1] == 0xEB)
            {
#pragma warning disable CA5351 // The format defines this checksum as MD5; it detects corruption, it is not a security control.
                var md5 = MD5.HashData(bytes[..at]);
#pragma warning restore CA5351
                checksum = md5.AsSpan().SequenceEqual(entry[16..]) ? EspTableChecksum.Valid : EspTableChecksum.Invalid;
                at += EntrySize;
                break;
            }

            if (entry[0] != 0xAA || entry[1] != 0x50)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"entry {at / EntrySize} has magic {entry[0]:x2} {entry[1]:x2}, not AA 50");
                return null;
            }

            var offset = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            var labelBytes = entry.Slice(12, 16);
            var labelEnd = labelBytes.IndexOf((byte)0);
            foreach (var b in labelEnd >= 0 ? labelBytes[..labelEnd] : labelBytes)
            {
                if (b is < 0x20 or >= 0x7F)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"entry {at / EntrySize} has a label that is not text");
                    return null;
                }
            }

            if (offset % 0x1000 != 0 || size == 0)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"entry {at / EntrySize} has offset 0x{offset:x} (not 4 KiB-aligned) or size 0");
                return null;
            }

            partitions.Add(new EspPartition(entry[2], entry[3], offset, size, EntryNames.FixedField(labelBytes), BinaryPrimitives.ReadUInt32LittleEndian(entry[28..])));
        }

        if (partitions.Count == 0)
        {
            error = "no partition entries";
            return null;
        }

        error = null;
        return new EspPartitionTable { Partitions = partitions, Checksum = checksum, Length = at };
    }

    /// <summary>
    /// Finds the table in the first 64 KiB of a flash image: at 0x8000 first, then at the other 4 KiB boundaries
    /// (projects can move it with CONFIG_PARTITION_TABLE_OFFSET).
    /// </summary>
    public static (long Offset, EspPartitionTable Table)? Find(ReadOnlySpan<byte> head)
    {
        foreach (var offset in CandidateOffsets())
        {
            if (offset + EntrySize <= head.Length && TryParse(head[offset..], out _) is { } table)
            {
                return (offset, table);
            }
        }

        return null;
    }

    private static IEnumerable<int> CandidateOffsets()
    {
        yield return DefaultOffset;
        for (var offset = 0; offset < 0x10000; offset += 0x1000)
        {
            if (offset != DefaultOffset)
            {
                yield return offset;
            }
        }
    }
}
