using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceAuditor.Rules.Yaml;

/// <summary>
/// Types plain scalars the YAML 1.2 core-schema way: only unquoted <c>true</c>/<c>false</c>, numbers and
/// <c>null</c>/<c>~</c> become non-strings. YAML 1.1 words such as <c>yes</c> or <c>on</c> stay strings.
/// </summary>
public static partial class ScalarTyping
{
    public static object? Interpret(YScalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (!scalar.Plain)
        {
            return scalar.Value;
        }

        var v = scalar.Value;
        switch (v)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
        }

        if (IntegerPattern().IsMatch(v) && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        if (FloatPattern().IsMatch(v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        return v;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
