using System.Globalization;

namespace ComplianceAuditor.Elf;

/// <summary>Dynamic tags, including the MIPS-specific range, with the names readelf uses.</summary>
public static class ElfDynamicTags
{
    public const long Null = 0;
    public const long Needed = 1;
    public const long StrTab = 5;
    public const long SoName = 14;
    public const long RPath = 15;
    public const long Debug = 21;
    public const long TextRel = 22;
    public const long BindNow = 24;
    public const long RunPath = 29;
    public const long Flags = 30;
    public const long Flags1 = 0x6ffffffb;

    public const ulong DfBindNow = 0x8;
    public const ulong DfTextRel = 0x4;
    public const ulong Df1Now = 0x1;
    public const ulong Df1Pie = 0x08000000;

    private static readonly Dictionary<long, string> Names = new()
    {
        [0] = "NULL", [1] = "NEEDED", [2] = "PLTRELSZ", [3] = "PLTGOT", [4] = "HASH", [5] = "STRTAB", [6] = "SYMTAB",
        [7] = "RELA", [8] = "RELASZ", [9] = "RELAENT", [10] = "STRSZ", [11] = "SYMENT", [12] = "INIT", [13] = "FINI",
        [14] = "SONAME", [15] = "RPATH", [16] = "SYMBOLIC", [17] = "REL", [18] = "RELSZ", [19] = "RELENT", [20] = "PLTREL",
        [21] = "DEBUG", [22] = "TEXTREL", [23] = "JMPREL", [24] = "BIND_NOW", [25] = "INIT_ARRAY", [26] = "FINI_ARRAY",
        [27] = "INIT_ARRAYSZ", [28] = "FINI_ARRAYSZ", [29] = "RUNPATH", [30] = "FLAGS", [32] = "PREINIT_ARRAY",
        [33] = "PREINIT_ARRAYSZ", [34] = "SYMTAB_SHNDX", [35] = "RELRSZ", [36] = "RELR", [37] = "RELRENT",
        [0x6ffffef5] = "GNU_HASH", [0x6ffffff0] = "VERSYM", [0x6ffffff9] = "RELACOUNT", [0x6ffffffa] = "RELCOUNT",
        [0x6ffffffb] = "FLAGS_1", [0x6ffffffc] = "VERDEF", [0x6ffffffd] = "VERDEFNUM", [0x6ffffffe] = "VERNEED",
        [0x6fffffff] = "VERNEEDNUM", [0x6ffffdf5] = "GNU_PRELINKED", [0x6ffffef6] = "TLSDESC_PLT",
        [0x6ffffef7] = "TLSDESC_GOT", [0x6ffffdfe] = "CHECKSUM",
        // MIPS (0x70000000 and up): their own loader interface.
        [0x70000001] = "MIPS_RLD_VERSION", [0x70000002] = "MIPS_TIME_STAMP", [0x70000003] = "MIPS_ICHECKSUM",
        [0x70000004] = "MIPS_IVERSION", [0x70000005] = "MIPS_FLAGS", [0x70000006] = "MIPS_BASE_ADDRESS",
        [0x70000008] = "MIPS_CONFLICT", [0x70000009] = "MIPS_LIBLIST", [0x7000000a] = "MIPS_LOCAL_GOTNO",
        [0x7000000b] = "MIPS_CONFLICTNO", [0x70000010] = "MIPS_LIBLISTNO", [0x70000011] = "MIPS_SYMTABNO",
        [0x70000012] = "MIPS_UNREFEXTNO", [0x70000013] = "MIPS_GOTSYM", [0x70000014] = "MIPS_HIPAGENO",
        [0x70000016] = "MIPS_RLD_MAP", [0x70000032] = "MIPS_PLTGOT", [0x70000034] = "MIPS_RWPLT",
        [0x70000035] = "MIPS_RLD_MAP_REL", [0x70000036] = "MIPS_XHASH",
    };

    public static string Name(long tag) =>
        Names.TryGetValue(tag, out var name) ? name : string.Create(CultureInfo.InvariantCulture, $"0x{tag:x}");

    /// <summary>Tags whose value is an offset into the dynamic string table.</summary>
    public static bool HasStringValue(long tag) => tag is Needed or SoName or RPath or RunPath;
}
