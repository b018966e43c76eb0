using ComplianceAuditor.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ComplianceAuditor.Rules.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YNode"/> tree from the parser's event stream, so that we decide what is
/// allowed rather than a deserializer: duplicate keys, anchors and aliases (the door to "billion laughs"), non-scalar
/// keys, several documents and nesting deeper than <see cref="MaxDepth"/> are all errors with a position.
/// </summary>
public static class YamlTreeReader
{
    /// <summary>Deeper than any rule needs; bounds recursion on hostile input.</summary>
    public const int MaxDepth = 32;

    /// <summary>Rule files are small; a larger one is refused before parsing.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static YNode Read(string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes)
        {
            throw new DataFileException($"{displayPath}:1:1", $"file is larger than {MaxBytes} bytes");
        }

        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                throw new DataFileException($"{displayPath}:1:1", "file is empty");
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, displayPath, depth: 0);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                var at = parser.Current?.Start ?? Mark.Empty;
                throw new DataFileException(Where(displayPath, at), "only one YAML document per file is allowed");
            }

            return root;
        }
        catch (YamlException e)
        {
            throw new DataFileException(Where(displayPath, e.Start), e.Message);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some malformed flow collections;
            // the last event it produced is the best position we have.
            throw new DataFileException(Where(displayPath, parser.Current?.Start ?? Mark.Empty), "malformed YAML near here");
        }
    }

    private static YNode ReadNode(IParser parser, string file, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DataFileException(Where(file, parser.Current?.Start ?? Mark.Empty), $"nesting is deeper than {MaxDepth} levels");
        }

        var current = parser.Current ?? throw new DataFileException($"{file}:1:1", "unexpected end of document");
        switch (current)
        {
            case AnchorAlias alias:
                throw new DataFileException(Where(file, alias.Start), "aliases (*name) are not allowed in rule files");
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                throw new DataFileException(Where(file, anchored.Start), "anchors (&name) are not allowed in rule files");
            case NodeEvent { Tag.IsEmpty: false } tagged when !(tagged is Scalar { Tag.Value: "!" }):
                // Tags (!!str, !!binary, custom ones) would change how a value is read; rule files are plain data.
                throw new DataFileException(Where(file, tagged.Start), $"YAML tags ({tagged.Tag.Value}) are not allowed in rule files");
            case Scalar scalar:
                parser.MoveNext();
                return new YScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Position(scalar.Start));
            case SequenceStart start:
                parser.MoveNext();
                var items = new List<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, file, depth + 1));
                }

                return new YSequence(items, Position(start.Start));
            case MappingStart start:
                parser.MoveNext();
                return ReadMapping(parser, file, depth, start);
            default:
                throw new DataFileException(Where(file, current.Start), $"unexpected YAML element {current.GetType().Name}");
        }
    }

    private static YMapping ReadMapping(IParser parser, string file, int depth, MappingStart start)
    {
        var entries = new List<KeyValuePair<YScalar, YNode>>();
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadNode(parser, file, depth + 1) is not YScalar key)
            {
                throw new DataFileException(Where(file, start.Start), "mapping keys must be plain strings");
            }

            if (seen.TryGetValue(key.Value, out var first))
            {
                throw new DataFileException(
                    $"{file}:{key.Position.Line}:{key.Position.Column}",
                    $"duplicate key '{key.Value}' (first defined at line {first.Line})");
            }

            seen[key.Value] = key.Position;
            entries.Add(new(key, ReadNode(parser, file, depth + 1)));
        }

        return new YMapping(entries, Position(start.Start));
    }

    private static SourcePosition Position(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Where(string file, Mark mark)
    {
        var p = Position(mark);
        return $"{file}:{p.Line}:{p.Column}";
    }
}
