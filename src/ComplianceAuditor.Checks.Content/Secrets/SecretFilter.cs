using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Secrets;

namespace ComplianceAuditor.Checks.Content.Secrets;

/// <summary>
/// Sets aside what a secret pattern matched but is not a secret: values too short, too regular (low Shannon entropy,
/// like <c>aaaaaaaa</c> or <c>12345678</c>) or written as placeholders (<c>changeme</c>, <c>&lt;your-key&gt;</c>,
/// <c>${PASSWORD}</c>). Peers without such filters bury their users in example values; each rule sets its own
/// thresholds because a Wi-Fi passphrase and an API key look very different.
/// </summary>
internal sealed class SecretFilter(int minLength, double minEntropy, IReadOnlyList<Regex> placeholders)
{
    /// <summary>Placeholders common to every kind of secret; a rule adds its own.</summary>
    public static readonly string[] CommonPlaceholders =
    [
        @"^[<\[{(]",                                // <your-key>, [password], {token}
        @"^\$\{?[A-Za-z_]",                         // ${PASSWORD}, $PASS: a variable, not a value
        @"^%[A-Za-z_]+%$",                          // %PASSWORD%
        @"(?i)^(x+|\*+|\.+|-+|_+|0+|#+)$",          // xxxx, ****, 0000
        @"(?i)(changeme|change_me|placeholder|example|sample|dummy|your[_-]?|redacted|secret_here|insert|todo|fixme)",
    ];

    /// <summary>Why <paramref name="value"/> is set aside, or null when it counts as a secret.</summary>
    public string? Reject(string value)
    {
        if (value.Length < minLength)
        {
            return "too short";
        }

        if (minEntropy > 0 && SecretText.Entropy(value) < minEntropy)
        {
            return "too regular (low entropy)";
        }

        return placeholders.Any(p => p.IsMatch(value)) ? "a placeholder" : null;
    }
}
