namespace ComplianceAuditor.Elf;

/// <summary>e_type values.</summary>
public enum ElfType : ushort
{
    None = 0,
    Relocatable = 1,
    Executable = 2,
    SharedObject = 3,
    Core = 4,
}
