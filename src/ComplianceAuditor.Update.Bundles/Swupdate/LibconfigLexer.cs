using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>
/// Splits libconfig text into tokens: words (names, numbers, booleans), strings with their escapes decoded, and
/// punctuation. Comments (<c>#</c>, <c>//</c>, <c>/* */</c>) and <c>@include</c> lines are skipped. A malformed token
/// throws <see cref="FormatException"/>, which the parser turns into a problem.
/// </summary>
internal sealed class LibconfigLexer(string text)
{
    private int _at;

    /// <summary>The position of the next token, for messages.</summary>
    public int Position => _at;

    /// <summary>The next token: (kind, text); kind is 'w' word, 's' string, a punctuation character, or '\0' at the end.</summary>
    public (char Kind, string Text) Next()
    {
        SkipSpaceAndComments();
        if (_at >= text.Length)
        {
            return ('\0', string.Empty);
        }

        var c = text[_at];
        if (c == '"')
        {
            return ('s', ReadString());
        }

        if ("=:;,{}[]()".Contains(c, StringComparison.Ordinal))
        {
            _at++;
            return (c, c.ToString());
        }

        var start = _at;
        while (_at < text.Length && IsWordChar(text[_at]))
        {
            _at++;
        }

        if (_at == start)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"unexpected character '{c}' at offset {start}"));
        }

        return ('w', text[start.._at]);
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '.' or '*';

    private void SkipSpaceAndComments()
    {
        while (_at < text.Length)
        {
            var c = text[_at];
            if (char.IsWhiteSpace(c))
            {
                _at++;
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/') || (c == '@' && IsLineStart()))
            {
                var end = text.IndexOf('\n', _at);
                _at = end < 0 ? text.Length : end + 1;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = text.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                _at = end < 0 ? throw new FormatException("a comment is not closed") : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private bool IsLineStart()
    {
        var i = _at - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] == '\n';
    }

    private char Peek(int ahead) => _at + ahead < text.Length ? text[_at + ahead] : '\0';

    private string ReadString()
    {
        var builder = new StringBuilder();
        _at++;
        while (true)
        {
            if (_at >= text.Length)
            {
                throw new FormatException("a string is not closed");
            }

            var c = text[_at++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escaped = _at < text.Length ? text[_at++] : throw new FormatException("a string ends in an escape");
            builder.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'f' => '\f',
                'x' => Hex(),
                _ => escaped,
            });
        }
    }

    private char Hex()
    {
        if (_at + 2 > text.Length || !byte.TryParse(text.AsSpan(_at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException("a \\x escape needs two hex digits");
        }

        _at += 2;
        return (char)value;
    }
}
