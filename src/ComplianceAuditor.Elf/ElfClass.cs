namespace ComplianceAuditor.Elf;

public enum ElfClass
{
    Elf32 = 1,
    Elf64 = 2,
}
