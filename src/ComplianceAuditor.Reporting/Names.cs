using System.Text.Json;

namespace ComplianceAuditor.Reporting;

/// <summary>The one place enum values become report words (<c>NotApplicable</c> becomes <c>notApplicable</c>).</summary>
public static class Names
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The words people read: <c>notApplicable</c> becomes <c>NOT APPLICABLE</c>.</summary>
    public static string Display(string camel)
    {
        ArgumentNullException.ThrowIfNull(camel);
        var sb = new System.Text.StringBuilder();
        foreach (var c in camel)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }
}
