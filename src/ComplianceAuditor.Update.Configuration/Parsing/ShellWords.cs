namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>
/// Splits a command line or shell assignment into words, the quotes removed and <c>--name=value</c> split in two:
/// <c>SWUPDATE_ARGS="-v -k /etc/key.pem"</c> gives <c>SWUPDATE_ARGS=</c>, <c>-v</c>, <c>-k</c>, <c>/etc/key.pem</c>.
/// Good enough to find options; it does not expand variables.
/// </summary>
internal static class ShellWords
{
    public const int MaxWords = 512;

    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        foreach (var raw in line.Split([' ', '\t', '"', '\'', '`', ';', '|', '&', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Count >= MaxWords)
            {
                break;
            }

            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (raw.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                words.Add(raw[..equals]);
                words.Add(raw[(equals + 1)..]);
            }
            else
            {
                words.Add(raw);
            }
        }

        return words;
    }

    /// <summary>The word after the first of <paramref name="options"/> found, or null.</summary>
    public static string? ValueOf(IReadOnlyList<string> words, params string[] options)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (options.Contains(words[i], StringComparer.Ordinal))
            {
                return words[i + 1];
            }
        }

        return null;
    }

    /// <summary>Whether a word names the program <paramref name="program"/> (<c>swupdate</c>, <c>/usr/bin/swupdate</c>).</summary>
    public static bool IsProgram(string word, string program) =>
        word == program || word.EndsWith("/" + program, StringComparison.Ordinal);

    /// <summary>True when the line is a comment in shell, INI or libconfig syntax.</summary>
    public static bool IsComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('#') || trimmed.StartsWith(';') || trimmed.StartsWith("//", StringComparison.Ordinal);
    }
}
