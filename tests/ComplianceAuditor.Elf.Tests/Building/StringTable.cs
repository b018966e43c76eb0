namespace ComplianceAuditor.Elf.Tests.Building;

/// <summary>A string table under construction: starts with the empty string, shares repeated strings.</summary>
internal sealed class StringTable
{
    private readonly ElfWriter _bytes = new ElfWriter(true, false).U8(0);
    private readonly Dictionary<string, int> _offsets = new(StringComparer.Ordinal) { [""] = 0 };

    public int Length => _bytes.Length;

    public int Add(string value)
    {
        if (!_offsets.TryGetValue(value, out var offset))
        {
            offset = _bytes.Length;
            _offsets[value] = offset;
            _bytes.CString(value);
        }

        return offset;
    }

    public byte[] ToArray() => _bytes.ToArray();
}
