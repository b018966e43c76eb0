using System.Globalization;

namespace ComplianceAuditor.Elf.Tests.Readelf;

/// <summary>
/// Renders our numeric values the way GNU readelf 2.40 prints them (get_file_type, get_machine_name,
/// get_segment_type, get_section_type_name in binutils/readelf.c), so enumerations can be compared as text while
/// numbers are compared as numbers. A value this table does not know renders in readelf's fallback form, so a gap
/// here shows up as a named mismatch, never as a silent pass.
/// </summary>
internal static class ReadelfNames
{
    private static readonly Dictionary<ushort, string> Machines = new()
    {
        [0] = "None", [1] = "WE32100", [2] = "Sparc", [3] = "Intel 80386", [4] = "MC68000", [5] = "MC88000", [6] = "Intel MCU",
        [7] = "Intel 80860", [8] = "MIPS R3000", [9] = "IBM System/370", [10] = "MIPS R4000 big-endian", [11] = "Sparc v9 (old)",
        [15] = "HPPA", [17] = "Fujitsu VPP500", [18] = "Sparc v8+", [19] = "Intel 80960", [20] = "PowerPC", [21] = "PowerPC64",
        [22] = "IBM S/390", [23] = "SPU", [36] = "Renesas V850 (using RH850 ABI)", [37] = "Fujitsu FR20", [38] = "TRW RH32",
        [39] = "MCORE", [40] = "ARM", [41] = "Digital Alpha (old)", [42] = "Renesas / SuperH SH", [43] = "Sparc v9",
        [44] = "Siemens Tricore", [45] = "ARC", [46] = "Renesas H8/300", [47] = "Renesas H8/300H", [48] = "Renesas H8S",
        [49] = "Renesas H8/500", [50] = "Intel IA-64", [51] = "Stanford MIPS-X", [52] = "Motorola Coldfire",
        [53] = "Motorola MC68HC12 Microcontroller", [62] = "Advanced Micro Devices X86-64", [75] = "Digital VAX",
        [76] = "Axis Communications 32-bit embedded processor", [83] = "Atmel AVR 8-bit microcontroller", [84] = "Fujitsu FR30",
        [87] = "Renesas V850", [88] = "Renesas M32R (formerly Mitsubishi M32r)", [89] = "mn10300", [90] = "mn10200",
        [92] = "OpenRISC 1000", [93] = "ARCompact", [94] = "Tensilica Xtensa Processor", [105] = "Texas Instruments msp430 microcontroller",
        [106] = "Analog Devices Blackfin", [113] = "Altera Nios II", [140] = "Texas Instruments TMS320C6000 DSP family",
        [164] = "QUALCOMM DSP6 Processor", [167] = "Andes Technology compact code size embedded RISC processor family",
        [183] = "AArch64", [189] = "Xilinx MicroBlaze", [191] = "Tilera TILE-Gx multicore architecture family", [195] = "ARCv2",
        [220] = "Zilog Z80", [224] = "AMD GPU", [243] = "RISC-V", [247] = "Linux BPF", [252] = "C-SKY", [258] = "LoongArch",
        [0x9026] = "Alpha",
    };

    private static readonly Dictionary<uint, string> SegmentTypes = new()
    {
        [0] = "NULL", [1] = "LOAD", [2] = "DYNAMIC", [3] = "INTERP", [4] = "NOTE", [5] = "SHLIB", [6] = "PHDR", [7] = "TLS",
        [0x6474e550] = "GNU_EH_FRAME", [0x6474e551] = "GNU_STACK", [0x6474e552] = "GNU_RELRO", [0x6474e553] = "GNU_PROPERTY",
        [0x6474e554] = "GNU_SFRAME",
    };

    private static readonly Dictionary<uint, string> SectionTypes = new()
    {
        [0] = "NULL", [1] = "PROGBITS", [2] = "SYMTAB", [3] = "STRTAB", [4] = "RELA", [5] = "HASH", [6] = "DYNAMIC", [7] = "NOTE",
        [8] = "NOBITS", [9] = "REL", [10] = "SHLIB", [11] = "DYNSYM", [14] = "INIT_ARRAY", [15] = "FINI_ARRAY",
        [16] = "PREINIT_ARRAY", [17] = "GROUP", [18] = "SYMTAB SECTION INDICES", [19] = "RELR", [0x6ffffff6] = "GNU_HASH",
        [0x6ffffffd] = "VERDEF", [0x6ffffffe] = "VERNEED", [0x6fffffff] = "VERSYM", [0x6ffffff0] = "VERSYM", [0x6ffffffc] = "VERDEF",
        [0x7ffffffd] = "AUXILIARY", [0x7fffffff] = "FILTER", [0x6ffffff7] = "GNU_LIBLIST", [0x6ffffff4] = "GNU_SFRAME",
    };

    private static readonly Dictionary<uint, string> SectionTypesOs = new()
    {
        [0x6fff4700] = "GNU_INCREMENTAL_INPUTS", [0x6ffffff5] = "GNU_ATTRIBUTES",
    };

    public static string Class(ElfFile elf) => elf.Is64 ? "ELF64" : "ELF32";

    public static string Data(ElfFile elf) => elf.Header.BigEndian ? "2's complement, big endian" : "2's complement, little endian";

    public static string Type(ElfFile elf) => elf.Header.Type switch
    {
        0 => "NONE (None)",
        1 => "REL (Relocatable file)",
        2 => "EXEC (Executable file)",
        3 => (elf.Flags1 & ElfDynamicTags.Df1Pie) != 0 ? "DYN (Position-Independent Executable file)" : "DYN (Shared object file)",
        4 => "CORE (Core file)",
        >= 0xff00 => Invariant($"Processor Specific: ({elf.Header.Type:x})"),
        >= 0xfe00 => Invariant($"OS Specific: ({elf.Header.Type:x})"),
        _ => Invariant($"<unknown>: {elf.Header.Type:x}"),
    };

    public static string Machine(ushort machine) =>
        Machines.TryGetValue(machine, out var name) ? name : Invariant($"<unknown>: 0x{machine:x}");

    public static string SegmentType(ElfFile elf, uint type)
    {
        if (SegmentTypes.TryGetValue(type, out var name))
        {
            return name;
        }

        var machine = elf.Header.Machine;
        if (type is >= 0x70000000 and <= 0x7fffffff)
        {
            var specific = (machine, type) switch
            {
                (ElfMachines.AArch64, 0x70000000) => "AARCH64_ARCHEXT",
                (ElfMachines.AArch64, 0x70000002) => "AARCH64_MEMTAG_MTE",
                (ElfMachines.Arm, 0x70000001) => "EXIDX",
                (ElfMachines.Mips or ElfMachines.MipsRs3Le, 0x70000000) => "REGINFO",
                (ElfMachines.Mips or ElfMachines.MipsRs3Le, 0x70000001) => "RTPROC",
                (ElfMachines.Mips or ElfMachines.MipsRs3Le, 0x70000002) => "OPTIONS",
                (ElfMachines.Mips or ElfMachines.MipsRs3Le, 0x70000003) => "ABIFLAGS",
                (ElfMachines.RiscV, 0x70000003) => "RISCV_ATTRIBUTES",
                (ElfMachines.S390, 0x70000000) => "S390_PGSTE",
                _ => null,
            };
            return specific ?? "LOPROC+" + AlternateHex(type - 0x70000000);
        }

        if (type is >= 0x60000000 and <= 0x6fffffff)
        {
            // ELFOSABI_GNU and ELFOSABI_FREEBSD name the PT_GNU_MBIND range.
            if (elf.Header.OsAbi is 3 or 9 && type is >= 0x6474e555 and <= 0x6474f554)
            {
                return "GNU_MBIND+" + AlternateHex(type - 0x6474e555);
            }

            return "LOOS+" + AlternateHex(type - 0x60000000);
        }

        return Invariant($"<unknown>: {type:x}");
    }

    public static string SectionType(ElfFile elf, uint type)
    {
        if (SectionTypes.TryGetValue(type, out var name))
        {
            return name;
        }

        var machine = elf.Header.Machine;
        if (type is >= 0x70000000 and <= 0x7fffffff)
        {
            var specific = machine switch
            {
                ElfMachines.X8664 when type == 0x70000001 => "X86_64_UNWIND",
                ElfMachines.AArch64 when type == 0x70000003 => "AARCH64_ATTRIBUTES",
                ElfMachines.RiscV when type == 0x70000003 => "RISCV_ATTRIBUTES",
                ElfMachines.Arm => type switch
                {
                    0x70000001 => "ARM_EXIDX",
                    0x70000002 => "ARM_PREEMPTMAP",
                    0x70000003 => "ARM_ATTRIBUTES",
                    0x70000004 => "ARM_DEBUGOVERLAY",
                    0x70000005 => "ARM_OVERLAYSECTION",
                    _ => null,
                },
                ElfMachines.Mips or ElfMachines.MipsRs3Le => MipsSectionType(type),
                _ => null,
            };
            return specific ?? "LOPROC+" + AlternateHex(type - 0x70000000);
        }

        if (type is >= 0x60000000 and <= 0x6fffffff)
        {
            return SectionTypesOs.TryGetValue(type, out var os) ? os : "LOOS+" + AlternateHex(type - 0x60000000);
        }

        if (type >= 0x80000000)
        {
            return "LOUSER+" + AlternateHex(type - 0x80000000);
        }

        return Invariant($"{type:x8}: <unknown>");
    }

    private static string? MipsSectionType(uint type)
    {
        string[] names =
        [
            "MIPS_LIBLIST", "MIPS_MSYM", "MIPS_CONFLICT", "MIPS_GPTAB", "MIPS_UCODE", "MIPS_DEBUG", "MIPS_REGINFO", "MIPS_PACKAGE",
            "MIPS_PACKSYM", "MIPS_RELD", "", "MIPS_IFACE", "MIPS_CONTENT", "MIPS_OPTIONS", "", "", "MIPS_SHDR", "MIPS_FDESC",
            "MIPS_EXTSYM", "MIPS_DENSE", "MIPS_PDESC", "MIPS_LOCSYM", "MIPS_AUXSYM", "MIPS_OPTSYM", "MIPS_LOCSTR", "MIPS_LINE",
            "MIPS_RFDESC", "MIPS_DELTASYM", "MIPS_DELTAINST", "MIPS_DELTACLASS", "MIPS_DWARF", "MIPS_DELTADECL", "MIPS_SYMBOL_LIB",
            "MIPS_EVENTS", "MIPS_TRANSLATE", "MIPS_PIXIE", "MIPS_XLATE", "MIPS_XLATE_DEBUG", "MIPS_WHIRL", "MIPS_EH_REGION",
            "MIPS_XLATE_OLD", "MIPS_PDR_EXCEPTION", "MIPS_ABIFLAGS", "MIPS_XHASH",
        ];
        var i = type - 0x70000000;
        return i < names.Length && names[i].Length > 0 ? names[i] : null;
    }

    /// <summary>printf's <c>%#x</c>: <c>0x</c> and hex digits, but a bare <c>0</c> for zero.</summary>
    private static string AlternateHex(uint value) => value == 0 ? "0" : Invariant($"0x{value:x}");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
