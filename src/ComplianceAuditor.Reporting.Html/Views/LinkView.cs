namespace ComplianceAuditor.Reporting.Html.Views;

/// <summary>
/// A reference a reader may follow. <see cref="Url"/> is set only for an absolute http or https address: a rule file
/// is data anyone can write, and a <c>javascript:</c> or <c>data:</c> address must not become a clickable link.
/// </summary>
public sealed record LinkView(string Title, string? Url)
{
    public static LinkView Of(string title, string? url) => new(title, Safe(url));

    /// <summary>The address in its normalised form when it is plain http(s), else null (<see cref="WebLinks.Normalize"/>).</summary>
    public static string? Safe(string? url) => WebLinks.Normalize(url);
}
