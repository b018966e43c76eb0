using System.Text;
using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Yocto;

/// <summary>Reads BitBake configuration and recipe text into statements: assignments with their operator and overrides, and inherit/require/include lines.</summary>
internal static class BitbakeReader
{
    private static readonly string[] Operators = ["??=", "?=", ":=", "+=", "=+", ".=", "=.", "="];
    private static readonly string[] OldSuffixes = ["_append", "_prepend", "_remove"];

    public static List<BitbakeStatement> Read(BoundedText text)
    {
        var statements = new List<BitbakeStatement>();
        for (var n = 0; n < text.Lines.Count; n++)
        {
            var start = n;
            var joined = new StringBuilder();
            var starts = new List<int>();
            var line = text.Lines[n];
            // A continued line ends in a backslash; the next line's text follows at a recorded offset.
            while (line.EndsWith('\\') && n + 1 < text.Lines.Count)
            {
                joined.Append(line, 0, line.Length - 1);
                starts.Add(joined.Length);
                line = text.Lines[++n];
            }

            joined.Append(line);
            var trimmed = joined.ToString().TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var shift = joined.Length - trimmed.Length;
            if (Parse(trimmed, start + 1, [.. starts.Select(s => s - shift)]) is { } statement)
            {
                statements.Add(statement);
            }
        }

        return statements;
    }

    private static BitbakeStatement? Parse(string text, int line, int[] starts)
    {
        foreach (var directive in new[] { "inherit", "require", "include", "include_all" })
        {
            if (text.StartsWith(directive + " ", StringComparison.Ordinal))
            {
                return new BitbakeStatement(directive, [], string.Empty, text[(directive.Length + 1)..].Trim(), line, starts);
            }
        }

        var body = text.StartsWith("export ", StringComparison.Ordinal) ? text[7..].TrimStart() : text;
        var offset = text.Length - body.Length;
        var end = 0;
        while (end < body.Length && (char.IsAsciiLetterOrDigit(body[end]) || body[end] is '_' or '-' or ':' or '.' or '$' or '{' or '}' or '/' or '~'))
        {
            end++;
        }

        var rest = body[end..].TrimStart();
        var op = Operators.FirstOrDefault(o => rest.StartsWith(o, StringComparison.Ordinal));
        if (end == 0 || op is null)
        {
            return null;
        }

        var raw = rest[op.Length..];
        var valueStart = offset + (body.Length - raw.Length);
        var trimmedRaw = raw.TrimStart();
        valueStart += raw.Length - trimmedRaw.Length;
        var value = trimmedRaw.TrimEnd();
        if (value.Length >= 1 && value[0] is '"' or '\'')
        {
            var close = value.LastIndexOf(value[0]);
            value = close > 0 ? value[1..close] : value[1..];
            valueStart++;
        }

        var parts = body[..end].Split(':');
        var overrides = parts.Skip(1).ToList();
        var name = parts[0];
        foreach (var suffix in OldSuffixes.Where(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            overrides.Insert(0, suffix[1..]);
            name = name[..^suffix.Length];
        }

        return new BitbakeStatement(name, overrides, op, value, line, [.. starts.Select(s => s - valueStart)]);
    }
}
