namespace ComplianceAuditor.Elf;

/// <summary>One entry of the dynamic section; <see cref="Text"/> holds the string for tags whose value is a string offset.</summary>
public sealed record ElfDynamicEntry(long Tag, ulong Value, string? Text)
{
    public string TagName => ElfDynamicTags.Name(Tag);
}
