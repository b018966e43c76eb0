namespace ComplianceAuditor.Formats.Cpio;

/// <summary>The header layouts a cpio archive can use; one archive uses one of them throughout.</summary>
public enum CpioVariant
{
    /// <summary>SVR4 "new ASCII" (magic <c>070701</c>): 110-byte hex header, name and data padded to 4 bytes.</summary>
    NewAscii,

    /// <summary>SVR4 with a checksum (magic <c>070702</c>): as <see cref="NewAscii"/>, the check field holds the byte sum of the data.</summary>
    NewCrc,

    /// <summary>POSIX portable ASCII, "odc" (magic <c>070707</c>): 76-byte octal header, no padding.</summary>
    PortableAscii,

    /// <summary>Old binary, written on a little-endian machine (0x71C7 stored as <c>C7 71</c>): 26-byte header, padding to 2 bytes.</summary>
    BinaryLittleEndian,

    /// <summary>Old binary from a big-endian machine (<c>71 C7</c>), the byte-swapped form of <see cref="BinaryLittleEndian"/>.</summary>
    BinaryBigEndian,
}
