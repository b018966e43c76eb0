using System.Globalization;

namespace ComplianceAuditor.Elf.Parsing;

/// <summary>Checks a table (offset, entry size, count) against the file before any entry is read.</summary>
internal static class TableBounds
{
    public static void Check(ElfData d, string what, ulong offset, ulong entrySize, ulong count, ulong minimumEntrySize)
    {
        if (entrySize < minimumEntrySize)
        {
            throw new ElfReadException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: entry size {entrySize} is smaller than the {minimumEntrySize} bytes an entry needs"));
        }

        // count * entrySize cannot overflow: both are at most 32 bits here.
        if (!d.Fits(offset, count * entrySize))
        {
            throw new ElfReadException(string.Create(CultureInfo.InvariantCulture,
                $"{what} (offset 0x{offset:x}, {count} entries of {entrySize} bytes) extends past the end of the file ({d.Length} bytes)"));
        }
    }
}
