using System.Text;
using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Flags;

/// <summary>
/// Splits CMake text into words with the command each belongs to, across multi-line commands, quoted arguments and
/// comments, and passes the words of flag-setting commands to <see cref="FlagClassifier"/>.
/// </summary>
internal static class CMakeScanner
{
    private static readonly HashSet<string> FlagCommands = new(StringComparer.Ordinal)
    {
        "set", "string", "list", "add_compile_options", "target_compile_options", "add_link_options", "target_link_options",
        "target_link_libraries", "link_libraries", "add_definitions", "add_compile_definitions", "target_compile_definitions",
        "set_property", "set_target_properties", "set_source_files_properties",
    };

    public static List<FlagOccurrence> Scan(BoundedText text, string source)
    {
        var found = new List<FlagOccurrence>();
        var command = string.Empty;
        var statement = new StringBuilder();
        var depth = 0;
        var quoted = false;
        for (var n = 0; n < text.Lines.Count; n++)
        {
            var line = text.Lines[n];
            var words = new List<string>();
            var word = new StringBuilder();
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (!quoted && c == '#')
                {
                    break;
                }

                if (c == '\\' && quoted && i + 1 < line.Length)
                {
                    word.Append(line[++i]);
                    continue;
                }

                if (c == '"')
                {
                    quoted = !quoted;
                    Flush(word, words);
                }
                else if (!quoted && c == '(')
                {
                    if (depth++ == 0)
                    {
                        // "set (" leaves the command name as the last finished word.
                        if (word.Length == 0 && words.Count > 0)
                        {
                            word.Append(words[^1]);
                            words.RemoveAt(words.Count - 1);
                        }

                        command = word.ToString().Trim().ToLowerInvariant();
                        statement.Clear();
                        word.Clear();
                    }
                    else
                    {
                        Flush(word, words);
                    }
                }
                else if (!quoted && c == ')')
                {
                    Flush(word, words);
                    depth = Math.Max(0, depth - 1);
                }
                else if (char.IsWhiteSpace(c) || c == ';')
                {
                    Flush(word, words);
                }
                else
                {
                    word.Append(c);
                }
            }

            Flush(word, words);
            if (depth > 0 || words.Count > 0)
            {
                statement.Append(line).Append('\n');
            }

            if (words.Count > 0 && FlagCommands.Contains(command))
            {
                FlagClassifier.Scan(words, Scope(statement.ToString()), source, n + 1, found);
            }
        }

        return found;
    }

    private static string Scope(string statement) =>
        statement.Contains("_DEBUG", StringComparison.Ordinal) || statement.Contains("CONFIG:Debug", StringComparison.OrdinalIgnoreCase) ? "debug"
        : statement.Contains("_RELEASE", StringComparison.Ordinal) || statement.Contains("_MINSIZEREL", StringComparison.Ordinal)
            || statement.Contains("_RELWITHDEBINFO", StringComparison.Ordinal) || statement.Contains("CONFIG:Release", StringComparison.OrdinalIgnoreCase) ? "release"
        : "all";

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
