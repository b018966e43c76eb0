namespace ComplianceAuditor.Elf;

/// <summary>One note (from a SHT_NOTE section, or a PT_NOTE segment when there are no sections).</summary>
public sealed record ElfNote(string Owner, uint Type, ReadOnlyMemory<byte> Descriptor, string Source)
{
    public const uint GnuBuildId = 3;
    public const uint GnuPropertyType0 = 5;
    public const uint GnuAbiTag = 1;
}
