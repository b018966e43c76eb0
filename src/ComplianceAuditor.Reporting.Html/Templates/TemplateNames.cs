namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// The one rule for what a template name may be: a plain file name inside the template folder. Anything that could
/// reach another folder (<c>../</c>, an absolute path, a drive, a separator) is refused, so a template handed over by
/// someone else cannot make the tool read files outside the folder the user named.
/// </summary>
internal static class TemplateNames
{
    public const string Extension = ".liquid";

    /// <summary>The name with <c>.liquid</c> added when it has no such ending, or null when it is not a plain file name.</summary>
    public static string? Normalize(string requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (requested.Length == 0 || requested.Length > 255
            || requested.IndexOfAny(['/', '\\', ':', '\0']) >= 0
            || requested is "." or ".."
            || requested.StartsWith("..", StringComparison.Ordinal)
            || Path.IsPathRooted(requested))
        {
            return null;
        }

        return requested.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? requested : requested + Extension;
    }

    /// <summary>As <see cref="Normalize"/>, but a refused name is a <see cref="TemplateException"/> naming the template that asked for it.</summary>
    public static string Require(string requested, string includedFrom) =>
        Normalize(requested) ?? throw new TemplateException(
            $"{includedFrom}: include '{requested}' is not a plain file name in the template folder (no folders, '..' or absolute paths)");
}
