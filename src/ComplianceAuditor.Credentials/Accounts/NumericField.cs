using System.Globalization;

namespace ComplianceAuditor.Credentials.Accounts;

/// <summary>The numbers of account files: ids are unsigned 32-bit, shadow's day counts may be empty or negative.</summary>
internal static class NumericField
{
    public static bool TryParseId(string text, out uint value) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>An empty field is "not set" (null); otherwise a decimal number with an optional minus sign.</summary>
    public static bool TryParseOptional(string text, out long? value)
    {
        value = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    public static string Quote(string text) => Hashes.FieldText.Quote(text, 16);
}
