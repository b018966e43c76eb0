namespace ComplianceAuditor.Elf;

/// <summary>A section header, with its name resolved (empty when the name table is unusable).</summary>
public sealed record ElfSection
{
    public const uint ShtNull = 0;
    public const uint ShtProgBits = 1;
    public const uint ShtSymTab = 2;
    public const uint ShtStrTab = 3;
    public const uint ShtDynamic = 6;
    public const uint ShtNote = 7;
    public const uint ShtNoBits = 8;
    public const uint ShtDynSym = 11;
    public const uint ShtGnuVerDef = 0x6ffffffd;
    public const uint ShtGnuVerNeed = 0x6ffffffe;
    public const uint ShtGnuVerSym = 0x6fffffff;

    public const ulong FlagWrite = 1;
    public const ulong FlagAlloc = 2;
    public const ulong FlagExecInstr = 4;

    public required int Index { get; init; }

    public required string Name { get; init; }

    public required uint NameOffset { get; init; }

    public required uint Type { get; init; }

    public required ulong Flags { get; init; }

    public required ulong Address { get; init; }

    public required ulong Offset { get; init; }

    public required ulong Size { get; init; }

    public required uint Link { get; init; }

    public required uint Info { get; init; }

    public required ulong AddressAlign { get; init; }

    public required ulong EntrySize { get; init; }

    /// <summary>True when the section occupies bytes in the file (not SHT_NOBITS or SHT_NULL).</summary>
    public bool HasFileData => Type is not ShtNoBits and not ShtNull && Size > 0;
}
