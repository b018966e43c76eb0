using System.Buffers.Binary;
using ComplianceAuditor.Formats.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.UImage;

/// <summary>
/// The 64-byte big-endian header of a U-Boot legacy image: magic 0x27051956, header CRC, time, data size, load and
/// entry addresses, data CRC, OS, architecture, image type, compression and a 32-byte name. Integrity is CRC only;
/// nothing in it is authenticated.
/// </summary>
public sealed record UImageHeader
{
    public const uint Magic = 0x27051956;

    public const int Size = 64;

    public required uint HeaderCrc { get; init; }

    /// <summary>Creation time, seconds since 1970.</summary>
    public required uint Timestamp { get; init; }

    public required uint DataSize { get; init; }

    public required uint LoadAddress { get; init; }

    public required uint EntryPoint { get; init; }

    public required uint DataCrc { get; init; }

    public required byte Os { get; init; }

    public required byte Architecture { get; init; }

    public required byte ImageType { get; init; }

    public required byte Compression { get; init; }

    public required string Name { get; init; }

    public const byte TypeMulti = 4;

    public string OsName => Lookup(OsNames, Os, "os");

    public string ArchitectureName => Lookup(ArchitectureNames, Architecture, "arch");

    public string ImageTypeName => Lookup(TypeNames, ImageType, "type");

    public string CompressionName => Lookup(CompressionNames, Compression, "compression");

    /// <summary>The file extension that says how the payload is compressed, <c>.bin</c> when it is not (or unknown).</summary>
    public string Extension => Compression switch
    {
        1 => ".gz",
        2 => ".bz2",
        3 => ".lzma",
        4 => ".lzo",
        5 => ".lz4",
        6 => ".zst",
        _ => ".bin",
    };

    /// <summary>
    /// Decodes and validates a header: magic and header CRC (computed with the CRC field zeroed). A header whose CRC
    /// does not match is not taken for a uImage at all, so four magic bytes inside code never are.
    /// </summary>
    public static UImageHeader? TryParse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size || BinaryPrimitives.ReadUInt32BigEndian(bytes) != Magic)
        {
            return null;
        }

        var stored = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        var running = Crc32.Update(Crc32.Start, bytes[..4]);
        running = Crc32.Update(running, [0, 0, 0, 0]);
        running = Crc32.Update(running, bytes[8..Size]);
        if (Crc32.Finish(running) != stored)
        {
            return null;
        }

        return new UImageHeader
        {
            HeaderCrc = stored,
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]),
            DataSize = BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]),
            LoadAddress = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]),
            EntryPoint = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]),
            DataCrc = BinaryPrimitives.ReadUInt32BigEndian(bytes[24..]),
            Os = bytes[28],
            Architecture = bytes[29],
            ImageType = bytes[30],
            Compression = bytes[31],
            Name = EntryNames.FixedField(bytes[32..64]),
        };
    }

    private static string Lookup(string[] names, byte value, string what) =>
        value < names.Length && names[value].Length > 0 ? names[value] : $"{what} {value}";

    // Index = the numeric code in U-Boot's include/image.h; empty where a code is unassigned.
    private static readonly string[] OsNames =
    [
        "invalid", "openbsd", "netbsd", "freebsd", "4.4bsd", "linux", "svr4", "esix", "solaris", "irix", "sco", "dell",
        "ncr", "lynxos", "vxworks", "psos", "qnx", "u-boot", "rtems", "artos", "unity", "integrity", "ose", "plan9",
        "openrtos", "arm-trusted-firmware", "tee", "opensbi", "efi",
    ];

    private static readonly string[] ArchitectureNames =
    [
        "invalid", "alpha", "arm", "x86", "ia64", "mips", "mips64", "powerpc", "s390", "sh", "sparc", "sparc64", "m68k",
        "nios", "microblaze", "nios2", "blackfin", "avr32", "st200", "sandbox", "nds32", "openrisc", "arm64", "arc",
        "x86_64", "xtensa", "riscv",
    ];

    private static readonly string[] TypeNames =
    [
        "invalid", "standalone", "kernel", "ramdisk", "multi", "firmware", "script", "filesystem", "flat_dt",
        "kwbimage", "imximage", "ublimage", "omapimage", "aisimage", "kernel_noload", "pblimage", "mxsimage",
        "gpimage", "atmelimage", "socfpgaimage", "x86_setup", "lpc32xximage", "loadables", "rkimage", "rksd",
        "rkspi", "zynqimage", "zynqmpimage", "zynqmpbif", "fpga", "vybridimage", "tee", "firmware_ivt", "pmmc",
        "stm32image", "socfpgaimage_v1", "mtk_image", "imx8mimage", "imx8image", "copro", "sunxi_egon",
    ];

    private static readonly string[] CompressionNames = ["none", "gzip", "bzip2", "lzma", "lzo", "lz4", "zstd"];
}
