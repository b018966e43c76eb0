using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>
/// Splits libconfig text (SWUpdate's <c>swupdate.cfg</c>) into tokens, dropping <c>#</c>, <c>//</c> and
/// <c>/* */</c> comments and <c>@include</c> lines; adjacent strings are joined as libconfig joins them.
/// </summary>
internal static class LibconfigLexer
{
    /// <summary>More tokens than a real configuration has; a hostile file stops here.</summary>
    public const int MaxTokens = 200_000;

    public static List<LibconfigToken> Tokenize(string text, out string? problem)
    {
        problem = null;
        var tokens = new List<LibconfigToken>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            if (tokens.Count == MaxTokens)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"more than {MaxTokens} tokens; the rest was not read");
                break;
            }

            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#' || (c == '/' && At(text, i + 1) == '/') || (c == '@' && AtLineStart(text, i)))
            {
                i = SkipToLineEnd(text, i);
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                line += Count(text, i, end, '\n');
                i = end;
            }
            else if (c == '"')
            {
                var startLine = line;
                var value = ReadString(text, ref i, ref line);
                if (i > text.Length)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"the string opened at line {startLine} is not closed");
                }

                if (tokens.Count > 0 && tokens[^1].Kind == LibconfigTokenKind.String)
                {
                    // "abc" "def" is one string in libconfig.
                    tokens[^1] = tokens[^1] with { Text = tokens[^1].Text + value };
                }
                else
                {
                    tokens.Add(new LibconfigToken(LibconfigTokenKind.String, value, startLine));
                }
            }
            else if (c is '=' or ':' or ';' or ',' or '{' or '}' or '(' or ')' or '[' or ']')
            {
                tokens.Add(new LibconfigToken(LibconfigTokenKind.Punctuation, c.ToString(), line));
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && "=:;,{}()[]\"#".IndexOf(text[i], StringComparison.Ordinal) < 0
                    && !(text[i] == '/' && At(text, i + 1) is '/' or '*'))
                {
                    i++;
                }

                tokens.Add(new LibconfigToken(LibconfigTokenKind.Word, text[start..i], line));
            }
        }

        return tokens;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static bool AtLineStart(string text, int i)
    {
        for (var j = i - 1; j >= 0 && text[j] != '\n'; j--)
        {
            if (!char.IsWhiteSpace(text[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipToLineEnd(string text, int i)
    {
        var end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end;
    }

    private static int Count(string text, int from, int to, char c)
    {
        var n = 0;
        for (var j = from; j < to; j++)
        {
            n += text[j] == c ? 1 : 0;
        }

        return n;
    }

    private static string ReadString(string text, ref int i, ref int line)
    {
        var value = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != '"')
        {
            var c = text[i++];
            if (c == '\n')
            {
                line++;
            }

            if (c == '\\' && i < text.Length)
            {
                var escaped = text[i++];
                value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'f' => '\f', _ => escaped });
                continue;
            }

            value.Append(c);
        }

        i++;
        return value.ToString();
    }
}
