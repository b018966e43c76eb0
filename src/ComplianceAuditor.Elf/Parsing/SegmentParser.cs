namespace ComplianceAuditor.Elf.Parsing;

/// <summary>Reads the program header table.</summary>
internal static class SegmentParser
{
    public static IReadOnlyList<ElfSegment> Parse(ElfHeader h, ElfData d)
    {
        if (h.ProgramHeaderCount == 0 || h.ProgramHeaderOffset == 0)
        {
            return [];
        }

        const string What = "program header table";
        TableBounds.Check(d, What, h.ProgramHeaderOffset, h.ProgramHeaderEntrySize, h.ProgramHeaderCount, d.Is64 ? 56UL : 32UL);
        var segments = new ElfSegment[h.ProgramHeaderCount];
        for (var i = 0; i < segments.Length; i++)
        {
            var o = h.ProgramHeaderOffset + ((ulong)i * h.ProgramHeaderEntrySize);
            segments[i] = d.Is64
                ? new ElfSegment
                {
                    Index = i,
                    Type = d.U32(o, What),
                    Flags = d.U32(o + 4, What),
                    Offset = d.U64(o + 8, What),
                    VirtualAddress = d.U64(o + 16, What),
                    PhysicalAddress = d.U64(o + 24, What),
                    FileSize = d.U64(o + 32, What),
                    MemorySize = d.U64(o + 40, What),
                    Align = d.U64(o + 48, What),
                }
                : new ElfSegment
                {
                    Index = i,
                    Type = d.U32(o, What),
                    Offset = d.U32(o + 4, What),
                    VirtualAddress = d.U32(o + 8, What),
                    PhysicalAddress = d.U32(o + 12, What),
                    FileSize = d.U32(o + 16, What),
                    MemorySize = d.U32(o + 20, What),
                    Flags = d.U32(o + 24, What),
                    Align = d.U32(o + 28, What),
                };
        }

        return segments;
    }
}
