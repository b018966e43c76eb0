namespace ComplianceAuditor.Update.Mcuboot;

/// <summary>Names of MCUboot header flags and TLV types, for facts a report prints.</summary>
internal static class McubootFlags
{
    private static readonly (uint Bit, string Name)[] Flags =
    [
        (0x1, "PIC"), (0x4, "ENCRYPTED_AES128"), (0x8, "ENCRYPTED_AES256"), (0x10, "NON_BOOTABLE"), (0x20, "RAM_LOAD"),
        (0x100, "ROM_FIXED"), (0x200, "COMPRESSED_LZMA1"), (0x400, "COMPRESSED_LZMA2"), (0x800, "COMPRESSED_ARM_THUMB"),
    ];

    public static string Describe(uint flags)
    {
        var names = Flags.Where(f => (flags & f.Bit) != 0).Select(f => f.Name).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    public static string TlvName(ushort type) => type switch
    {
        McubootTlv.KeyHash => "KEYHASH",
        McubootTlv.PublicKey => "PUBKEY",
        McubootTlv.Sha256 => "SHA256",
        McubootTlv.Sha384 => "SHA384",
        McubootTlv.Sha512 => "SHA512",
        McubootTlv.SignaturePure => "SIG_PURE",
        McubootTlv.Dependency => "DEPENDENCY",
        McubootTlv.SecurityCounter => "SEC_CNT",
        McubootTlv.BootRecord => "BOOT_RECORD",
        >= 0x30 and <= 0x34 => "ENC_KEY",
        _ when new McubootTlv(type, 0, 0, false).IsSignature => McubootSignature.Name(type),
        _ => $"0x{type:x2}",
    };
}
