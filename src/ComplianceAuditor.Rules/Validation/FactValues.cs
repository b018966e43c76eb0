using System.Globalization;
using ComplianceAuditor.Core.Declarations;

namespace ComplianceAuditor.Rules.Validation;

/// <summary>Whether a value (as text) is one a fact can take; used for conditions, contradictions and declarations.</summary>
public static class FactValues
{
    public static bool IsValid(FactDefinition fact, string value)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(value);
        return fact.Type switch
        {
            FactType.Boolean => value is "true" or "false",
            FactType.Choice or FactType.List => fact.Choices.Contains(value, StringComparer.Ordinal),
            FactType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            FactType.Url => IsAddress(value),
            _ => value.Length > 0,
        };
    }

    /// <summary>A web page or a mail address: what a published policy or support statement can be.</summary>
    public static bool IsAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return value.Length > "mailto:".Length + 2 && value.Contains('@', StringComparison.Ordinal);
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
    }
}
