using System.Text;
using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Flags;

/// <summary>
/// Splits Makefile text into words per physical line, following backslash continuations so each word keeps its own
/// line and the variable it is assigned to; comments and echo/info lines are skipped.
/// </summary>
internal static class MakeScanner
{
    public static List<FlagOccurrence> Scan(BoundedText text, string source)
    {
        var found = new List<FlagOccurrence>();
        var variable = string.Empty;
        var continued = false;
        for (var n = 0; n < text.Lines.Count; n++)
        {
            var line = StripComment(text.Lines[n]);
            var body = line.TrimEnd();
            var continues = body.EndsWith('\\');
            if (continues)
            {
                body = body[..^1];
            }

            if (!continued)
            {
                variable = VariableOf(body);
            }

            continued = continues;
            var words = body.Split([' ', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || (!continued && IsMessage(words[0])))
            {
                continue;
            }

            var scope = variable.Contains("DEBUG", StringComparison.OrdinalIgnoreCase) ? "debug"
                : variable.Contains("RELEASE", StringComparison.OrdinalIgnoreCase) ? "release" : "all";
            FlagClassifier.Scan(words, scope, source, n + 1, found);
        }

        return found;
    }

    /// <summary>The text before an unescaped '#'.</summary>
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || line[i - 1] != '\\'))
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>The variable a line assigns ("CFLAGS" in "override CFLAGS += ..." or "app: CFLAGS := ..."), or empty.</summary>
    private static string VariableOf(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || line.StartsWith('\t'))
        {
            return string.Empty;
        }

        var left = line[..equals].TrimEnd('+', ':', '?', '!', ' ', '\t');
        var name = new StringBuilder();
        for (var i = left.Length - 1; i >= 0 && (char.IsAsciiLetterOrDigit(left[i]) || left[i] is '_' or '.' or '-'); i--)
        {
            name.Insert(0, left[i]);
        }

        return name.ToString();
    }

    private static bool IsMessage(string first) =>
        first is "echo" or "@echo" or "@printf" or "printf" || first.StartsWith("$(info", StringComparison.Ordinal)
        || first.StartsWith("$(warning", StringComparison.Ordinal) || first.StartsWith("$(error", StringComparison.Ordinal);
}
