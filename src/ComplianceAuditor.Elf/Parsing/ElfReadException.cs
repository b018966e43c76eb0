namespace ComplianceAuditor.Elf.Parsing;

/// <summary>A bounds or consistency failure inside one part of the file; the parser records it as an <see cref="ElfProblem"/>.</summary>
internal sealed class ElfReadException : Exception
{
    public ElfReadException()
    {
    }

    public ElfReadException(string message)
        : base(message)
    {
    }

    public ElfReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
