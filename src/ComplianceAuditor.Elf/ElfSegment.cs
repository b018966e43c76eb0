namespace ComplianceAuditor.Elf;

/// <summary>A program header.</summary>
public sealed record ElfSegment
{
    public const uint PtNull = 0;
    public const uint PtLoad = 1;
    public const uint PtDynamic = 2;
    public const uint PtInterp = 3;
    public const uint PtNote = 4;
    public const uint PtPhdr = 6;
    public const uint PtTls = 7;
    public const uint PtGnuEhFrame = 0x6474e550;
    public const uint PtGnuStack = 0x6474e551;
    public const uint PtGnuRelro = 0x6474e552;
    public const uint PtGnuProperty = 0x6474e553;

    public const uint FlagExecute = 1;
    public const uint FlagWrite = 2;
    public const uint FlagRead = 4;

    public required int Index { get; init; }

    public required uint Type { get; init; }

    public required uint Flags { get; init; }

    public required ulong Offset { get; init; }

    public required ulong VirtualAddress { get; init; }

    public required ulong PhysicalAddress { get; init; }

    public required ulong FileSize { get; init; }

    public required ulong MemorySize { get; init; }

    public required ulong Align { get; init; }

    public bool IsExecutable => (Flags & FlagExecute) != 0;

    public bool IsWritable => (Flags & FlagWrite) != 0;

    /// <summary>Flags as readelf prints them (<c>RWE</c>).</summary>
    public string FlagString =>
        $"{((Flags & FlagRead) != 0 ? 'R' : ' ')}{(IsWritable ? 'W' : ' ')}{(IsExecutable ? 'E' : ' ')}";
}
