namespace ComplianceAuditor.Reporting;

/// <summary>
/// Which addresses a report may present as links. Rule files and components' metadata are data anyone can write, so
/// only an absolute http or https address with a host is taken: a <c>javascript:</c>, <c>data:</c> or <c>file:</c>
/// address must never become something a reader clicks or a tool follows.
/// </summary>
public static class WebLinks
{
    /// <summary>Longer addresses are refused rather than shown cut off.</summary>
    public const int MaxLength = 2000;

    /// <summary>True when <paramref name="url"/> is a plain absolute http(s) address.</summary>
    public static bool IsHttp(string? url) => Normalize(url) is not null;

    /// <summary>
    /// The address in its normalised form (<see cref="Uri.AbsoluteUri"/>) when it is plain absolute http(s), else
    /// null. Surrounding blanks are ignored; blanks or control characters inside make it no address.
    /// </summary>
    public static string? Normalize(string? url)
    {
        var text = url?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            ? uri.AbsoluteUri
            : null;
    }
}
