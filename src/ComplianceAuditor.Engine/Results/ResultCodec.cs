using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Engine.Results;

/// <summary>
/// One result as a record of a rule's block. The rule is the block's, the message follows from the rule and the
/// outcome, and the artifact path is written as what it shares with the path of the record before it in the block
/// (results of one rule come in path order, so neighbours share most of their folders). Strings that repeat (reasons,
/// evidence kinds, symbols) go through <see cref="SharedStrings"/>; excerpts and commits, each their own, do not.
/// </summary>
internal static class ResultCodec
{
    [Flags]
    private enum Field
    {
        Description = 1,
        Path = 2,
        Excerpt = 4,
        Line = 8,
        Column = 16,
        ByteOffset = 32,
        ByteLength = 64,
        Symbol = 128,
        Commit = 256,
    }

    public static void Encode(CheckResult result, string previousArtifact, RecordWriter writer, SharedStrings strings)
    {
        writer.Count((ulong)result.Outcome);
        var shared = SharedPrefix(previousArtifact, result.Artifact);
        writer.Count((ulong)shared);
        writer.Text(result.Artifact[shared..]);
        strings.Write(writer, result.Reason);
        strings.Write(writer, result.EvidenceKey);
        writer.Count((ulong)result.Evidence.Count);
        foreach (var item in result.Evidence)
        {
            Encode(item, writer, strings);
        }
    }

    public static CheckResult Decode(ref RecordReader reader, RuleDefinition rule, string previousArtifact, SharedStrings strings, ResultText text)
    {
        var outcome = (Outcome)reader.Count();
        var shared = reader.Index();
        var artifact = string.Concat(previousArtifact.AsSpan(0, shared), reader.Text());
        var reason = strings.Read(ref reader);
        var evidenceKey = strings.Read(ref reader) ?? "";
        var count = reader.Index();
        var evidence = count == 0 ? [] : new EvidenceItem[count];
        for (var i = 0; i < count; i++)
        {
            evidence[i] = DecodeItem(ref reader, strings);
        }

        return new CheckResult
        {
            Rule = rule,
            Outcome = outcome,
            Artifact = artifact,
            Message = text.Message(rule, outcome),
            Reason = reason,
            Evidence = evidence,
            EvidenceKey = evidenceKey,
        };
    }

    private static void Encode(EvidenceItem item, RecordWriter writer, SharedStrings strings)
    {
        var fields = (item.Description is null ? 0 : Field.Description)
            | (item.Path is null ? 0 : Field.Path)
            | (item.Excerpt is null ? 0 : Field.Excerpt)
            | (item.Line is null ? 0 : Field.Line)
            | (item.Column is null ? 0 : Field.Column)
            | (item.ByteOffset is null ? 0 : Field.ByteOffset)
            | (item.ByteLength is null ? 0 : Field.ByteLength)
            | (item.Symbol is null ? 0 : Field.Symbol)
            | (item.Commit is null ? 0 : Field.Commit);
        writer.Count((ulong)fields);
        strings.Write(writer, item.Kind);
        if (item.Description is { } description)
        {
            strings.Write(writer, description);
        }

        if (item.Path is { } path)
        {
            strings.Write(writer, path);
        }

        if (item.Excerpt is { } excerpt)
        {
            SharedStrings.WriteOwn(writer, excerpt);
        }

        if (item.Line is { } line)
        {
            writer.Number(line);
        }

        if (item.Column is { } column)
        {
            writer.Number(column);
        }

        if (item.ByteOffset is { } offset)
        {
            writer.Number(offset);
        }

        if (item.ByteLength is { } length)
        {
            writer.Number(length);
        }

        if (item.Symbol is { } symbol)
        {
            strings.Write(writer, symbol);
        }

        if (item.Commit is { } commit)
        {
            SharedStrings.WriteOwn(writer, commit);
        }
    }

    private static EvidenceItem DecodeItem(ref RecordReader reader, SharedStrings strings)
    {
        var fields = (Field)reader.Count();
        var kind = strings.Read(ref reader)!;
        return new EvidenceItem
        {
            Kind = kind,
            Description = fields.HasFlag(Field.Description) ? strings.Read(ref reader) : null,
            Path = fields.HasFlag(Field.Path) ? strings.Read(ref reader) : null,
            Excerpt = fields.HasFlag(Field.Excerpt) ? strings.Read(ref reader) : null,
            Line = fields.HasFlag(Field.Line) ? (int)reader.Number() : null,
            Column = fields.HasFlag(Field.Column) ? (int)reader.Number() : null,
            ByteOffset = fields.HasFlag(Field.ByteOffset) ? reader.Number() : null,
            ByteLength = fields.HasFlag(Field.ByteLength) ? (int)reader.Number() : null,
            Symbol = fields.HasFlag(Field.Symbol) ? strings.Read(ref reader) : null,
            Commit = fields.HasFlag(Field.Commit) ? strings.Read(ref reader) : null,
        };
    }

    /// <summary>
    /// How many leading characters two paths share, never ending between the halves of a surrogate pair: the suffix
    /// is written on its own and must stay a whole string.
    /// </summary>
    private static int SharedPrefix(string a, string b)
    {
        var n = a.AsSpan().CommonPrefixLength(b);
        return n > 0 && char.IsHighSurrogate(b[n - 1]) ? n - 1 : n;
    }
}
