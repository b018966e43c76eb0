using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceAuditor.Elf.Tests.Readelf;

internal sealed record ReadelfSegment(string Type, ulong Offset, ulong VirtualAddress, ulong PhysicalAddress, ulong FileSize, ulong MemorySize, string Flags, ulong Align);

/// <summary>A section row; <see cref="NameAndType"/> is the text before the address column (name, spaces, type).</summary>
internal sealed record ReadelfSection(int Index, string NameAndType, ulong Address, ulong Offset, ulong Size, ulong EntrySize, uint Link, uint Info, ulong Align);

internal sealed record ReadelfDynamic(ulong Tag, string TypeName, string Value);

/// <summary>
/// What <c>readelf -hlSdnsW</c> printed for one file, parsed from its text. Lines inside a table that match no row
/// pattern are kept in <see cref="Unparsed"/> so that a format this parser does not know fails loudly.
/// </summary>
internal sealed partial class ReadelfReport
{
    private Block _block;

    private enum Block
    {
        None,
        Header,
        Sections,
        Segments,
        Mapping,
        Dynamic,
        Symbols,
        Notes,
    }

    public Dictionary<string, string> Header { get; } = new(StringComparer.Ordinal);

    public bool SawSectionTable { get; private set; }

    public bool SawProgramHeaders { get; private set; }

    public List<ReadelfSection> Sections { get; } = [];

    public List<ReadelfSegment> Segments { get; } = [];

    public string? Interpreter { get; private set; }

    public ulong? DynamicOffset { get; private set; }

    public int? DynamicDeclaredCount { get; private set; }

    public List<ReadelfDynamic> Dynamic { get; } = [];

    public List<(string Section, ulong Count)> SymbolTables { get; } = [];

    public List<string> BuildIds { get; } = [];

    public List<string> X86Features { get; } = [];

    public List<string> AArch64Features { get; } = [];

    public List<string> Unparsed { get; } = [];

    public string Errors { get; set; } = "";

    public int ExitCode { get; set; }

    public void Add(string line)
    {
        if (line.Length == 0)
        {
            _block = _block == Block.Notes ? Block.Notes : Block.None;
            return;
        }

        if (StartsBlock(line))
        {
            return;
        }

        switch (_block)
        {
            case Block.Header:
                if (HeaderLine().Match(line) is { Success: true } h)
                {
                    Header[h.Groups["key"].Value] = h.Groups["value"].Value.Trim();
                }

                break;
            case Block.Sections:
                AddSection(line);
                break;
            case Block.Segments:
                AddSegment(line);
                break;
            case Block.Dynamic:
                if (DynamicRow().Match(line) is { Success: true } d)
                {
                    Dynamic.Add(new ReadelfDynamic(Hex(d.Groups["tag"].Value), d.Groups["name"].Value, d.Groups["value"].Value.TrimEnd()));
                }
                else if (!line.StartsWith("  Tag ", StringComparison.Ordinal))
                {
                    Unparsed.Add(line);
                }

                break;
            case Block.Notes:
                if (BuildId().Match(line) is { Success: true } id)
                {
                    BuildIds.Add(id.Groups[1].Value);
                }

                if (X86Feature().Match(line) is { Success: true } x86)
                {
                    X86Features.Add(x86.Groups[1].Value);
                }

                if (AArch64Feature().Match(line) is { Success: true } arm)
                {
                    AArch64Features.Add(arm.Groups[1].Value);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>A header field as a number; readelf shows extended numbering as <c>0 (70000)</c>, where the real value is in parentheses.</summary>
    public ulong? HeaderNumber(string key)
    {
        if (!Header.TryGetValue(key, out var text))
        {
            return null;
        }

        var m = HeaderNumberValue().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var value = m.Groups["paren"].Success ? m.Groups["paren"].Value : m.Groups["value"].Value;
        return value.StartsWith("0x", StringComparison.Ordinal) ? Hex(value[2..]) : ulong.Parse(value, CultureInfo.InvariantCulture);
    }

    private bool StartsBlock(string line)
    {
        if (line.StartsWith(' ') && !line.StartsWith(" Section to Segment mapping:", StringComparison.Ordinal))
        {
            return false;
        }

        Block? next = line switch
        {
            "ELF Header:" => Block.Header,
            "Section Headers:" => Block.Sections,
            "Program Headers:" => Block.Segments,
            " Section to Segment mapping:" => Block.Mapping,
            _ when line.StartsWith("Dynamic section at offset ", StringComparison.Ordinal) => Block.Dynamic,
            _ when line.StartsWith("Symbol table '", StringComparison.Ordinal) => Block.Symbols,
            _ when line.StartsWith("Displaying notes found ", StringComparison.Ordinal) => Block.Notes,
            _ when line.StartsWith("Key to Flags:", StringComparison.Ordinal) => Block.None,
            _ => null,
        };
        if (next is null)
        {
            if (_block is Block.Sections or Block.Segments or Block.Dynamic && !IgnorableOutsideRows(line))
            {
                Unparsed.Add(line);
            }

            return _block != Block.Notes;
        }

        _block = next.Value;
        SawSectionTable |= next == Block.Sections;
        SawProgramHeaders |= next == Block.Segments;
        if (DynamicHeading().Match(line) is { Success: true } dyn)
        {
            DynamicOffset = Hex(dyn.Groups["offset"].Value);
            DynamicDeclaredCount = int.Parse(dyn.Groups["count"].Value, CultureInfo.InvariantCulture);
        }

        if (SymbolHeading().Match(line) is { Success: true } sym)
        {
            SymbolTables.Add((sym.Groups["name"].Value, ulong.Parse(sym.Groups["count"].Value, CultureInfo.InvariantCulture)));
        }

        return true;
    }

    private static bool IgnorableOutsideRows(string line) => line.StartsWith("There ", StringComparison.Ordinal);

    private void AddSection(string line)
    {
        if (line.StartsWith("  [Nr]", StringComparison.Ordinal))
        {
            return;
        }

        var m = SectionRow().Match(line);
        if (!m.Success)
        {
            Unparsed.Add(line);
            return;
        }

        Sections.Add(new ReadelfSection(
            int.Parse(m.Groups["nr"].Value, CultureInfo.InvariantCulture),
            m.Groups["left"].Value,
            Hex(m.Groups["addr"].Value),
            Hex(m.Groups["off"].Value),
            Hex(m.Groups["size"].Value),
            Hex(m.Groups["es"].Value),
            uint.Parse(m.Groups["lk"].Value, CultureInfo.InvariantCulture),
            uint.Parse(m.Groups["inf"].Value, CultureInfo.InvariantCulture),
            ulong.Parse(m.Groups["al"].Value, CultureInfo.InvariantCulture)));
    }

    private void AddSegment(string line)
    {
        if (line.StartsWith("  Type ", StringComparison.Ordinal))
        {
            return;
        }

        if (InterpreterLine().Match(line) is { Success: true } interp)
        {
            Interpreter = interp.Groups[1].Value;
            return;
        }

        var m = SegmentRow().Match(line);
        if (!m.Success)
        {
            Unparsed.Add(line);
            return;
        }

        Segments.Add(new ReadelfSegment(
            m.Groups["type"].Value,
            Hex(m.Groups["off"].Value),
            Hex(m.Groups["va"].Value),
            Hex(m.Groups["pa"].Value),
            Hex(m.Groups["fs"].Value),
            Hex(m.Groups["ms"].Value),
            m.Groups["flg"].Value,
            Hex(m.Groups["al"].Value)));
    }

    public static ulong Hex(string digits) => ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^  (?<key>[^:]+):\s+(?<value>.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^(?<value>0x[0-9a-f]+|\d+)(?: \((?<paren>\d+)\))?")]
    private static partial Regex HeaderNumberValue();

    [GeneratedRegex(@"^\s*\[\s*(?<nr>\d+)\] (?<left>.*?)\s+(?<addr>[0-9a-f]+)\s+(?<off>[0-9a-f]+)\s+(?<size>[0-9a-f]+)\s+(?<es>[0-9a-f]+)\s+(?<flg>[A-Za-z]*)\s+(?<lk>\d+)\s+(?<inf>\d+)\s+(?<al>\d+)$")]
    private static partial Regex SectionRow();

    [GeneratedRegex(@"^\s+(?<type>\S.*?)\s+0x(?<off>[0-9a-f]+) 0x(?<va>[0-9a-f]+) 0x(?<pa>[0-9a-f]+) 0x(?<fs>[0-9a-f]+) 0x(?<ms>[0-9a-f]+) (?<flg>[R ][W ][E ]) (?:0x(?<al>[0-9a-f]+)|(?<al>0))$")]
    private static partial Regex SegmentRow();

    [GeneratedRegex(@"^\s+\[Requesting program interpreter: (.*)\]$")]
    private static partial Regex InterpreterLine();

    [GeneratedRegex(@"^Dynamic section at offset 0x(?<offset>[0-9a-f]+) contains (?<count>\d+) entr")]
    private static partial Regex DynamicHeading();

    [GeneratedRegex(@"^ 0x(?<tag>[0-9a-f]+) \((?<name>[^)]*)\)\s*(?<value>.*)$")]
    private static partial Regex DynamicRow();

    [GeneratedRegex(@"^Symbol table '(?<name>.*)' contains (?<count>\d+) entr")]
    private static partial Regex SymbolHeading();

    [GeneratedRegex(@"Build ID: ([0-9a-f]+)")]
    private static partial Regex BuildId();

    [GeneratedRegex(@"x86 feature: (.*)$")]
    private static partial Regex X86Feature();

    [GeneratedRegex(@"AArch64 feature: (.*)$")]
    private static partial Regex AArch64Feature();
}
