using System.Globalization;

namespace ComplianceAuditor.Elf;

/// <summary>e_machine values of the architectures found in IoT firmware, with readable names.</summary>
public static class ElfMachines
{
    public const ushort Sparc = 2;
    public const ushort X86 = 3;
    public const ushort M68k = 4;
    public const ushort Mips = 8;
    public const ushort MipsRs3Le = 10;
    public const ushort Sparc32Plus = 18;
    public const ushort PowerPc = 20;
    public const ushort PowerPc64 = 21;
    public const ushort S390 = 22;
    public const ushort Arm = 40;
    public const ushort SuperH = 42;
    public const ushort SparcV9 = 43;
    public const ushort X8664 = 62;
    public const ushort Xtensa = 94;
    public const ushort AArch64 = 183;
    public const ushort RiscV = 243;
    public const ushort LoongArch = 258;

    private static readonly Dictionary<ushort, string> Names = new()
    {
        [Sparc] = "SPARC",
        [X86] = "x86",
        [M68k] = "m68k",
        [Mips] = "MIPS",
        [MipsRs3Le] = "MIPS RS3000 LE",
        [Sparc32Plus] = "SPARC32+",
        [PowerPc] = "PowerPC",
        [PowerPc64] = "PowerPC64",
        [S390] = "S/390",
        [Arm] = "ARM",
        [SuperH] = "SuperH",
        [SparcV9] = "SPARC V9",
        [X8664] = "x86-64",
        [Xtensa] = "Xtensa",
        [AArch64] = "AArch64",
        [RiscV] = "RISC-V",
        [LoongArch] = "LoongArch",
    };

    public static string Name(ushort machine) =>
        Names.TryGetValue(machine, out var name) ? name : string.Create(CultureInfo.InvariantCulture, $"machine {machine}");

    public static bool IsMips(ushort machine) => machine is Mips or MipsRs3Le;
}
