namespace ComplianceAuditor.Elf;

/// <summary>The ELF file header, with extended numbering (e_shnum = 0, e_phnum = PN_XNUM, SHN_XINDEX) already resolved.</summary>
public sealed record ElfHeader
{
    public required ElfClass Class { get; init; }

    public required bool BigEndian { get; init; }

    public required byte OsAbi { get; init; }

    public required byte AbiVersion { get; init; }

    /// <summary>e_type; values outside <see cref="ElfType"/> (OS or processor specific) are kept as numbers.</summary>
    public required ushort Type { get; init; }

    public required ushort Machine { get; init; }

    public required uint Version { get; init; }

    public required ulong Entry { get; init; }

    public required ulong ProgramHeaderOffset { get; init; }

    public required ulong SectionHeaderOffset { get; init; }

    public required uint Flags { get; init; }

    public required ushort HeaderSize { get; init; }

    public required ushort ProgramHeaderEntrySize { get; init; }

    public required uint ProgramHeaderCount { get; init; }

    public required ushort SectionHeaderEntrySize { get; init; }

    public required uint SectionHeaderCount { get; init; }

    public required uint SectionNameTableIndex { get; init; }

    public bool Is64 => Class == ElfClass.Elf64;

    public string MachineName => ElfMachines.Name(Machine);
}
