using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ComplianceAuditor.Reporting.Theme;

/// <summary>
/// Reads a theme file's YAML into flat <c>key → value</c> pairs (<c>colours.pass</c> for nested keys) with their
/// positions. Only plain mappings of strings are allowed: a theme is a handful of settings, so anchors, aliases,
/// tags, lists and several documents are refused rather than interpreted.
/// </summary>
internal static class ThemeYaml
{
    /// <summary>A value and where it is written (1-based line and column).</summary>
    internal sealed record Entry(string Key, string Value, int Line, int Column);

    public static IReadOnlyList<Entry> Read(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var entries = new List<Entry>();
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return entries;
            }

            parser.Consume<DocumentStart>();
            if (parser.Current is not MappingStart)
            {
                throw Error(file, parser.Current?.Start ?? Mark.Empty, "a theme file is a mapping of settings (name:, logo:, colours:, footer:)");
            }

            ReadMapping(parser, file, prefix: string.Empty, entries);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                throw Error(file, parser.Current?.Start ?? Mark.Empty, "only one YAML document is allowed");
            }

            return entries;
        }
        catch (YamlException e)
        {
            throw Error(file, e.Start, e.Message);
        }
    }

    public static ThemeException Error(string file, Mark at, string problem) =>
        new($"{file}:{Math.Max(at.Line, 1)}:{Math.Max(at.Column, 1)}: {problem}");

    private static void ReadMapping(IParser parser, string file, string prefix, List<Entry> entries)
    {
        var start = parser.Consume<MappingStart>();
        Check(start, file);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (parser.Current is not Scalar key)
            {
                throw Error(file, parser.Current?.Start ?? start.Start, "keys must be plain words");
            }

            Check(key, file);
            parser.MoveNext();
            var name = prefix + key.Value;
            if (!seen.Add(key.Value))
            {
                throw Error(file, key.Start, $"'{name}' is set twice");
            }

            switch (parser.Current)
            {
                case Scalar value:
                    Check(value, file);
                    parser.MoveNext();
                    entries.Add(new Entry(name, value.Value, (int)key.Start.Line, (int)key.Start.Column));
                    break;
                case MappingStart when prefix.Length == 0:
                    // Recorded too, so the loader can reject a mapping where it expects a single value.
                    entries.Add(new Entry(name + ".", string.Empty, (int)key.Start.Line, (int)key.Start.Column));
                    ReadMapping(parser, file, name + ".", entries);
                    break;
                default:
                    throw Error(file, parser.Current?.Start ?? key.Start, $"'{name}' must be a single value");
            }
        }
    }

    private static void Check(ParsingEvent e, string file)
    {
        switch (e)
        {
            case AnchorAlias:
                throw Error(file, e.Start, "aliases (*name) are not allowed in a theme file");
            case NodeEvent { Anchor.IsEmpty: false }:
                throw Error(file, e.Start, "anchors (&name) are not allowed in a theme file");
            case NodeEvent { Tag.IsEmpty: false } tagged when !(tagged is Scalar { Tag.Value: "!" }):
                throw Error(file, e.Start, "YAML tags are not allowed in a theme file");
        }
    }
}
