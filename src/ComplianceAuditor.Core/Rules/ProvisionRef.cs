namespace ComplianceAuditor.Core.Rules;

/// <summary>A pointer to one provision of one scheme, written <c>scheme:provision</c>.</summary>
public sealed record ProvisionRef(string Scheme, string Provision)
{
    public override string ToString() => $"{Scheme}:{Provision}";

    /// <summary>Reads <c>scheme:provision</c>; the provision id may itself contain no colon.</summary>
    public static ProvisionRef? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < text.Length - 1 ? new ProvisionRef(text[..colon], text[(colon + 1)..]) : null;
    }
}
