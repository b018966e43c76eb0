using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Elf;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>Evidence items for the structures ELF checks point at.</summary>
internal static class ElfEvidence
{
    public static EvidenceItem Segment(ElfFile file, ElfSegment segment, string description) => new()
    {
        Kind = "structure",
        Description = description,
        Excerpt = string.Create(CultureInfo.InvariantCulture,
            $"program header {segment.Index}: {SegmentName(segment.Type)} flags {segment.FlagString.Trim()} offset 0x{segment.Offset:x} vaddr 0x{segment.VirtualAddress:x}"),
        ByteOffset = (long)(file.Header.ProgramHeaderOffset + ((ulong)segment.Index * file.Header.ProgramHeaderEntrySize)),
        ByteLength = file.Header.ProgramHeaderEntrySize,
    };

    public static EvidenceItem Symbol(ElfSymbol symbol, string description) => new()
    {
        Kind = "symbol",
        Description = description,
        Symbol = symbol.Version is null ? symbol.Name : $"{symbol.Name}@{symbol.Version}",
    };

    public static EvidenceItem Fact(string description, string excerpt) => new()
    {
        Kind = "structure",
        Description = description,
        Excerpt = excerpt,
    };

    public static string SegmentName(uint type) => type switch
    {
        ElfSegment.PtLoad => "LOAD",
        ElfSegment.PtDynamic => "DYNAMIC",
        ElfSegment.PtInterp => "INTERP",
        ElfSegment.PtNote => "NOTE",
        ElfSegment.PtGnuStack => "GNU_STACK",
        ElfSegment.PtGnuRelro => "GNU_RELRO",
        ElfSegment.PtGnuProperty => "GNU_PROPERTY",
        _ => string.Create(CultureInfo.InvariantCulture, $"0x{type:x}"),
    };
}
