namespace ComplianceAuditor.Elf;

/// <summary>What an ELF file is for, as the hardening checks need to tell it (e_type alone confuses PIE and libraries).</summary>
public enum ElfKind
{
    Executable,
    PositionIndependentExecutable,
    SharedLibrary,
    Relocatable,
    KernelModule,
    Core,
    Other,
}
