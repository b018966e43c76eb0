using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceAuditor.Elf.Tests.Readelf;

/// <summary>
/// The value column of one <c>readelf -d</c> row turned back into data: a number, a string, or nothing (readelf
/// prints no value for DT_BIND_NOW). The formats follow process_dynamic_section in binutils/readelf.c: hex for
/// addresses, <c>N (bytes)</c> for sizes, decimal for counts, flag names for DT_FLAGS, DT_FLAGS_1 and DT_MIPS_FLAGS,
/// <c>[text]</c> for string tags whose offset is inside the dynamic string table.
/// </summary>
internal sealed partial record ReadelfDynamicValue(ulong? Number, string? Text, string? Error)
{
    private const long DtPltRel = 20;
    private const long DtFeature1 = 0x6ffffdfc;
    private const long DtPosFlag1 = 0x6ffffdfd;
    private const long DtMipsFlags = 0x70000005;

    private static readonly string[] Flags = ["ORIGIN", "SYMBOLIC", "TEXTREL", "BIND_NOW", "STATIC_TLS"];

    private static readonly string[] Flags1 =
    [
        "NOW", "GLOBAL", "GROUP", "NODELETE", "LOADFLTR", "INITFIRST", "NOOPEN", "ORIGIN", "DIRECT", "TRANS", "INTERPOSE",
        "NODEFLIB", "NODUMP", "CONFALT", "ENDFILTEE", "DISPRELDNE", "DISPRELPND", "NODIRECT", "IGNMULDEF", "NOKSYMS", "NOHDR",
        "EDITED", "NORELOC", "SYMINTPOSE", "GLOBAUDIT", "SINGLETON", "STUB", "PIE", "KMOD", "WEAKFILTER", "NOCOMMON",
    ];

    private static readonly string[] PosFlags1 = ["LAZYLOAD", "GROUPPERM"];

    private static readonly string[] Features1 = ["PARINIT", "CONFEXP"];

    private static readonly string[] MipsFlags =
    [
        "QUICKSTART", "NOTPOT", "NO_LIBRARY_REPLACEMENT", "NO_MOVE", "SGI_ONLY", "GUARANTEE_INIT", "DELTA_C_PLUS_PLUS",
        "GUARANTEE_START_INIT", "PIXIE", "DEFAULT_DELAY_LOAD", "REQUICKSTART", "REQUICKSTARTED", "CORD", "NO_UNRES_UNDEF",
        "RLD_ORDER_SAFE",
    ];

    public static ReadelfDynamicValue Parse(ushort machine, long tag, string text)
    {
        if (Bracketed().Match(text) is { Success: true } b)
        {
            return new(null, b.Groups["text"].Value, null);
        }

        if (Hex().Match(text) is { Success: true } h)
        {
            return Of(ReadelfReport.Hex(h.Groups[1].Value));
        }

        if (Decimal().Match(text) is { Success: true } d)
        {
            return Of(ulong.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        return tag switch
        {
            ElfDynamicTags.Flags => Names(Flags, text.Length == 0 ? [] : text.Split(' ')),
            ElfDynamicTags.Flags1 => PrefixedNames(Flags1, text),
            DtPosFlag1 => PrefixedNames(PosFlags1, text),
            DtFeature1 => PrefixedNames(Features1, text),
            DtPltRel when text == "RELA" => Of(7),
            DtPltRel when text == "REL" => Of(17),
            DtMipsFlags when ElfMachines.IsMips(machine) => text == "NONE" ? Of(0) : Names(MipsFlags, text.Split(' ')),
            _ when text.Length == 0 => new(null, null, null),
            _ => new(null, null, $"value '{text}' is not a format the test understands"),
        };
    }

    private static ReadelfDynamicValue Of(ulong value) => new(value, null, null);

    private static ReadelfDynamicValue PrefixedNames(string[] bits, string text) =>
        !text.StartsWith("Flags:", StringComparison.Ordinal) ? new(null, null, $"flags value '{text}' lacks 'Flags:'")
        : text == "Flags: None" ? Of(0)
        : Names(bits, text["Flags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Flag names, one per set bit from bit 0 up, then the unnamed remainder in bare hex.</summary>
    private static ReadelfDynamicValue Names(string[] bits, string[] words)
    {
        ulong value = 0;
        foreach (var word in words)
        {
            var bit = Array.IndexOf(bits, word);
            if (bit >= 0)
            {
                value |= 1UL << bit;
            }
            else if (ulong.TryParse(word, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rest))
            {
                value |= rest;
            }
            else
            {
                return new(null, null, $"flag '{word}' is not one the test knows");
            }
        }

        return Of(value);
    }

    [GeneratedRegex(@"^(?:Shared library|Library soname|Library rpath|Library runpath|Auxiliary library|Filter library|Configuration file|Dependency audit library|Audit library|Not needed object): \[(?<text>.*)\](?: program interpreter)?$")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^0x([0-9a-f]+)$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^(\d+)(?: \(bytes\))?$")]
    private static partial Regex Decimal();
}
