using System.Text;

namespace ComplianceAuditor.Elf.Evidence;

/// <summary>
/// Printable strings in a file: ASCII runs and UTF-16LE runs (each character a printable ASCII byte followed by a
/// zero byte), like <c>strings -a</c> and <c>strings -el</c>, each tagged with the section it falls in.
/// </summary>
public static class ElfStrings
{
    public static IReadOnlyList<ElfString> Extract(ElfFile file, StringOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        var found = new List<ElfString>();
        var data = file.Bytes.Span;
        Ascii(data, options, found, file);
        if (options.Utf16)
        {
            Utf16(data, options, found, file);
        }

        found.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return found;
    }

    private static void Ascii(ReadOnlySpan<byte> data, StringOptions options, List<ElfString> found, ElfFile file)
    {
        var start = -1;
        for (var i = 0; i <= data.Length && found.Count < options.MaxCount; i++)
        {
            if (i < data.Length && IsPrintable(data[i]))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0 && i - start >= options.MinLength)
            {
                var length = Math.Min(i - start, options.MaxLength);
                found.Add(new ElfString(start, Encoding.ASCII.GetString(data.Slice(start, length)), false, file.SectionAt(start)?.Name));
            }

            start = -1;
        }
    }

    private static void Utf16(ReadOnlySpan<byte> data, StringOptions options, List<ElfString> found, ElfFile file)
    {
        for (var parity = 0; parity < 2; parity++)
        {
            var start = -1;
            for (var i = parity; i <= data.Length && found.Count < options.MaxCount; i += 2)
            {
                if (i + 1 < data.Length && IsPrintable(data[i]) && data[i + 1] == 0)
                {
                    if (start < 0)
                    {
                        start = i;
                    }

                    continue;
                }

                var chars = (i - start) / 2;
                if (start >= 0 && chars >= options.MinLength)
                {
                    var sb = new StringBuilder(Math.Min(chars, options.MaxLength));
                    for (var k = 0; k < Math.Min(chars, options.MaxLength); k++)
                    {
                        sb.Append((char)data[start + (2 * k)]);
                    }

                    found.Add(new ElfString(start, sb.ToString(), true, file.SectionAt(start)?.Name));
                }

                start = -1;
            }
        }
    }

    private static bool IsPrintable(byte b) => b is >= 0x20 and < 0x7f or (byte)'\t';
}
