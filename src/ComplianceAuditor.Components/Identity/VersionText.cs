using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Components.Identity;

/// <summary>Cleans names and versions read from firmware before they reach a report or an identifier.</summary>
internal static partial class VersionText
{
    public const int MaxName = 100;

    public const int MaxVersion = 64;

    /// <summary>A display-safe name: control and bidirectional characters escaped, cut at <see cref="MaxName"/>.</summary>
    public static string Name(string raw) => DisplayText.Sanitize(raw.Trim(), MaxName);

    /// <summary>A display-safe version, or null when nothing is left.</summary>
    public static string? Version(string? raw)
    {
        var trimmed = raw?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : DisplayText.Sanitize(trimmed, MaxVersion);
    }

    /// <summary>
    /// True when a version is plain enough to go into a purl or CPE: it starts with a letter or digit and holds only
    /// the characters versions are written with. Anything else (spaces, escapes, a cut-off "…") gets no identifier,
    /// rather than one that names something else.
    /// </summary>
    public static bool IsIdentifier(string? version) => version is not null && IdentifierPattern().IsMatch(version);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.+~:_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
