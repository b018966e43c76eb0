namespace ComplianceAuditor.Elf;

/// <summary>The bytes are not an ELF file we can read at all (bad magic, truncated header...). The message names the defect.</summary>
public sealed class ElfFormatException : Exception
{
    public ElfFormatException()
    {
    }

    public ElfFormatException(string message)
        : base(message)
    {
    }

    public ElfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
