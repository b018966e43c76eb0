using System.Text;
using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Reporting.Theme;

/// <summary>
/// Loads a lab's theme file (<c>--theme</c>). Strict on purpose: a misspelt key would otherwise be ignored and the lab
/// would file a report without the branding it thinks it has, so every unknown key is an error with its position.
/// </summary>
public static partial class ThemeLoader
{
    /// <summary>A logo is a small picture; anything larger is almost certainly the wrong file.</summary>
    public const int MaxLogoBytes = 2 * 1024 * 1024;

    /// <summary>
    /// The most pixels a logo may declare on a side: far more than a cover needs at print resolution, far less than a
    /// decoder's allocation can hurt (a small file can declare 65000 × 65000 pixels).
    /// </summary>
    public const int MaxLogoSide = 4096;

    /// <summary>The most pixels a logo may declare in all (16 megapixels).</summary>
    public const long MaxLogoPixels = 16_000_000;

    /// <summary>A theme is a few lines; the bound keeps a wrong path (a firmware image) from being parsed.</summary>
    public const int MaxThemeBytes = 64 * 1024;

    private const int MaxTextLength = 200;

    /// <summary>The top-level keys a theme may set (reports/templates/theme.schema.json lists the same).</summary>
    public static IReadOnlyList<string> Keys => TopKeys;

    /// <summary>The colour names under <c>colours:</c>.</summary>
    public static IReadOnlyList<string> Colours => ColourKeys;

    private static readonly string[] TopKeys = ["name", "logo", "colours", "footer"];

    private static readonly string[] ColourKeys = ["primary", "accent", "pass", "fail", "inconclusive", "notApplicable", "notAssessed"];

    /// <exception cref="ThemeException">The file is missing, too large, not valid YAML, or has an unknown key or a bad value.</exception>
    public static ReportTheme Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = ReadText(path);
        var entries = ThemeYaml.Read(text, path);
        var values = new Dictionary<string, ThemeYaml.Entry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            Validate(entry, path);
            values[entry.Key] = entry;
        }

        var theme = new ReportTheme
        {
            Source = path,
            Name = Text(values, "name"),
            Footer = Text(values, "footer"),
            Colours = ReadColours(values),
        };

        if (values.TryGetValue("logo", out var logo))
        {
            var where = $"{path}:{logo.Line}:{logo.Column}";
            var logoPath = LogoPath(path, logo.Value, where);
            var (bytes, format) = LogoFile.Read(logoPath, where);
            theme = theme with { Logo = bytes, LogoFormat = format, LogoSource = logoPath };
        }

        return theme;
    }

    private static string ReadText(string path)
    {
        var bytes = RegularFile.Read(path, MaxThemeBytes, "the theme file", path);
        try
        {
            // A byte order mark is dropped, as File.ReadAllText would: editors on Windows add one.
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new ThemeException($"{path}: the theme file cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The logo's full path, a relative one taken from the theme file's folder; a path the system refuses (a NUL in it) is an error at its place.</summary>
    private static string LogoPath(string themePath, string value, string where)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ThemeException($"{where}: 'logo' is empty: name a PNG or JPEG file, or leave the key out");
        }

        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(themePath)) ?? ".";
            return Path.GetFullPath(Path.Combine(folder, value));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ThemeException($"{where}: the logo path '{DisplayText.Sanitize(value)}' cannot be used: {e.Message}", e);
        }
    }

    private static void Validate(ThemeYaml.Entry entry, string file)
    {
        var where = $"{file}:{entry.Line}:{entry.Column}";
        var dot = entry.Key.IndexOf('.', StringComparison.Ordinal);
        var top = dot < 0 ? entry.Key : entry.Key[..dot];
        if (!TopKeys.Contains(top, StringComparer.Ordinal))
        {
            throw new ThemeException($"{where}: unknown key '{top}' (known keys: {string.Join(", ", TopKeys)})");
        }

        var isMapping = entry.Key.EndsWith('.');
        if (top == "colours")
        {
            if (dot < 0)
            {
                throw new ThemeException($"{where}: 'colours' must be a mapping of colour names to #RRGGBB values");
            }

            if (isMapping)
            {
                return;
            }

            var colour = entry.Key[(dot + 1)..];
            if (!ColourKeys.Contains(colour, StringComparer.Ordinal))
            {
                throw new ThemeException($"{where}: unknown colour '{colour}' (known colours: {string.Join(", ", ColourKeys)})");
            }

            if (!HexColour().IsMatch(entry.Value))
            {
                // Unquoted, "#00ff00" starts a YAML comment and the value arrives empty: say so, it is the usual slip.
                var hint = entry.Value.Length == 0 ? "; a # starts a YAML comment: write the colour in quotes, e.g. '#00ff00'" : string.Empty;
                throw new ThemeException($"{where}: colour '{colour}' must be written #RRGGBB (e.g. \"#1F3A5F\"), not '{DisplayText.Sanitize(entry.Value)}'{hint}");
            }
        }
        else if (isMapping)
        {
            throw new ThemeException($"{where}: '{top}' must be a single value");
        }
        else if (entry.Value.Length > MaxTextLength)
        {
            throw new ThemeException($"{where}: '{top}' is longer than {MaxTextLength} characters");
        }
    }

    private static string? Text(Dictionary<string, ThemeYaml.Entry> values, string key) =>
        values.TryGetValue(key, out var e) && !string.IsNullOrWhiteSpace(e.Value) ? e.Value.Trim() : null;

    private static ThemeColours ReadColours(Dictionary<string, ThemeYaml.Entry> values)
    {
        var d = ThemeColours.Default;
        string Get(string key, string fallback) =>
            values.TryGetValue("colours." + key, out var e) ? e.Value.ToUpperInvariant() : fallback;
        return new ThemeColours(
            Get("primary", d.Primary),
            Get("accent", d.Accent),
            Get("pass", d.Pass),
            Get("fail", d.Fail),
            Get("inconclusive", d.Inconclusive),
            Get("notApplicable", d.NotApplicable),
            Get("notAssessed", d.NotAssessed));
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}
