using System.Text;

namespace ComplianceAuditor.Elf.Parsing;

/// <summary>Reads notes from SHT_NOTE sections (or PT_NOTE segments when the file has no sections) and the GNU property note.</summary>
internal static class NoteParser
{
    private const int MaxNotes = 10_000;

    public static IReadOnlyList<ElfNote> Parse(ElfData d, IReadOnlyList<ElfSection> sections, IReadOnlyList<ElfSegment> segments, List<ElfProblem> problems)
    {
        var notes = new List<ElfNote>();
        var areas = sections.Count > 0
            ? sections.Where(s => s.Type == ElfSection.ShtNote && s.HasFileData).Select(s => (s.Offset, s.Size, s.AddressAlign, s.Name))
            : segments.Where(s => s.Type == ElfSegment.PtNote).Select(s => (s.Offset, s.FileSize, s.Align, Name: $"PT_NOTE[{s.Index}]"));
        foreach (var (offset, size, align, name) in areas)
        {
            try
            {
                ReadArea(d, offset, size, align == 8 ? 8UL : 4UL, name, notes);
            }
            catch (ElfReadException e)
            {
                problems.Add(new("notes", $"{name}: {e.Message}"));
            }
        }

        return notes;
    }

    private static void ReadArea(ElfData d, ulong offset, ulong size, ulong align, string source, List<ElfNote> notes)
    {
        d.Slice(offset, size, source);
        var end = offset + size;
        var o = offset;
        while (o + 12 <= end && notes.Count < MaxNotes)
        {
            var nameSize = d.U32(o, source);
            var descSize = d.U32(o + 4, source);
            var type = d.U32(o + 8, source);
            var nameStart = o + 12;
            // The descriptor starts at the next alignment boundary after the name, counted from the note's start
            // (for 8-byte GNU property notes: 12 + 4 bytes of "GNU\0" = 16, not 12 + align(4, 8) = 20).
            var descStart = o + Align(12 + (ulong)nameSize, align);
            var next = descStart + Align(descSize, align);
            if (descStart > end || next > end + (align - 1))
            {
                throw new ElfReadException($"a note's sizes (name {nameSize}, descriptor {descSize}) run past the end of its area");
            }

            var owner = Encoding.ASCII.GetString(d.Slice(nameStart, nameSize, source)).TrimEnd('\0');
            notes.Add(new ElfNote(owner, type, d.SliceMemory(descStart, Math.Min(descSize, end - descStart), source), source));
            o = next;
        }
    }

    public static ElfGnuProperties ParseGnuProperties(ElfData d, IReadOnlyList<ElfNote> notes)
    {
        uint? x86 = null, aarch64 = null;
        var pad = (ulong)(d.Is64 ? 8 : 4);
        foreach (var note in notes.Where(n => n.Owner == "GNU" && n.Type == ElfNote.GnuPropertyType0))
        {
            var desc = new ElfData(note.Descriptor, d.BigEndian, d.Is64);
            ulong o = 0;
            while (o + 8 <= (ulong)desc.Length)
            {
                var type = desc.U32(o, "GNU property");
                var size = desc.U32(o + 4, "GNU property");
                if (size >= 4 && desc.Fits(o + 8, 4))
                {
                    var value = desc.U32(o + 8, "GNU property");
                    if (type == ElfGnuProperties.X86Feature1And)
                    {
                        x86 = value;
                    }
                    else if (type == ElfGnuProperties.AArch64Feature1And)
                    {
                        aarch64 = value;
                    }
                }

                o += 8 + Align(size, pad);
            }
        }

        return new ElfGnuProperties { X86Features = x86, AArch64Features = aarch64 };
    }

    private static ulong Align(ulong value, ulong align) => (value + align - 1) & ~(align - 1);
}
