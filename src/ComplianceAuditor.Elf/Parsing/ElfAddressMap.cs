namespace ComplianceAuditor.Elf.Parsing;

/// <summary>Maps a virtual address to a file offset through the PT_LOAD segments.</summary>
internal static class ElfAddressMap
{
    public static ulong? ToFileOffset(IReadOnlyList<ElfSegment> segments, ulong address)
    {
        foreach (var s in segments)
        {
            if (s.Type == ElfSegment.PtLoad && address >= s.VirtualAddress && address - s.VirtualAddress < s.FileSize)
            {
                return s.Offset + (address - s.VirtualAddress);
            }
        }

        return null;
    }
}
