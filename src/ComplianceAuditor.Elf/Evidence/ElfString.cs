namespace ComplianceAuditor.Elf.Evidence;

/// <summary>A printable string found in a binary, with its file offset and the section that holds it (if any).</summary>
public sealed record ElfString(long Offset, string Text, bool Utf16, string? Section);
