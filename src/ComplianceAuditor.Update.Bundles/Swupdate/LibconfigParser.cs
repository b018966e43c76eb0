using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>
/// Parses the libconfig syntax of sw-description into <see cref="ConfigNode"/>s: settings <c>name = value;</c> (or
/// <c>:</c>), groups <c>{ }</c>, arrays <c>[ ]</c>, lists <c>( )</c>, strings (adjacent ones joined), numbers and
/// booleans as text. Bounded: nesting depth and the number of values, so hostile text cannot recurse or allocate
/// without limit.
/// </summary>
internal sealed class LibconfigParser
{
    private const int MaxDepth = 32;
    private const int MaxValues = 100_000;

    private readonly LibconfigLexer _lexer;
    private (char Kind, string Text) _token;
    private int _values;

    private LibconfigParser(string text)
    {
        _lexer = new LibconfigLexer(text);
        _token = _lexer.Next();
    }

    /// <summary>The top-level settings as a group, or null with <paramref name="problem"/>.</summary>
    public static ConfigNode? TryParse(string text, out string? problem)
    {
        problem = null;
        try
        {
            return new LibconfigParser(text).Settings(0, '\0');
        }
        catch (FormatException e)
        {
            problem = "sw-description is not valid libconfig: " + e.Message;
            return null;
        }
    }

    private ConfigNode Settings(int depth, char close)
    {
        var settings = new List<ConfigSetting>();
        while (_token.Kind != close)
        {
            if (_token.Kind != 'w')
            {
                throw Unexpected("a setting name");
            }

            var name = _token.Text;
            Advance();
            if (_token.Kind is not ('=' or ':'))
            {
                throw Unexpected("'=' or ':'");
            }

            Advance();
            settings.Add(new ConfigSetting(name, Value(depth)));
            if (_token.Kind is ';' or ',')
            {
                Advance();
            }
        }

        return new ConfigNode(ConfigKind.Group, null, settings);
    }

    private ConfigNode Value(int depth)
    {
        if (++_values > MaxValues)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"more than {MaxValues} values"));
        }

        if (depth >= MaxDepth && _token.Kind is '{' or '[' or '(')
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"nested deeper than {MaxDepth} levels"));
        }

        switch (_token.Kind)
        {
            case '{':
                Advance();
                var group = Settings(depth + 1, '}');
                Advance();
                return group;
            case '[':
                return Elements(depth, ']');
            case '(':
                return Elements(depth, ')');
            case 's':
                var text = new StringBuilder(_token.Text);
                Advance();
                while (_token.Kind == 's')
                {
                    text.Append(_token.Text);
                    Advance();
                }

                return ConfigNode.Text(text.ToString());
            case 'w':
                var word = _token.Text;
                Advance();
                return ConfigNode.Text(word);
            default:
                throw Unexpected("a value");
        }
    }

    private ConfigNode Elements(int depth, char close)
    {
        Advance();
        var elements = new List<ConfigSetting>();
        while (_token.Kind != close)
        {
            elements.Add(new ConfigSetting(null, Value(depth + 1)));
            if (_token.Kind == ',')
            {
                Advance();
            }
            else if (_token.Kind != close)
            {
                throw Unexpected($"',' or '{close}'");
            }
        }

        Advance();
        return new ConfigNode(ConfigKind.List, null, elements);
    }

    private void Advance() => _token = _lexer.Next();

    private FormatException Unexpected(string expected) =>
        new(_token.Kind == '\0'
            ? $"the text ends where {expected} was expected"
            : string.Create(CultureInfo.InvariantCulture, $"expected {expected} but found '{_token.Text}' before offset {_lexer.Position}"));
}
