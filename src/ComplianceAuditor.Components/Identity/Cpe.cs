using System.Text;

namespace ComplianceAuditor.Components.Identity;

/// <summary>Builds CPE 2.3 formatted strings for the products in <see cref="KnownProducts"/>.</summary>
internal static class Cpe
{
    /// <summary>The CPE, or null when the product is unknown or the version cannot be written as a CPE value.</summary>
    public static string? Build(string? product, string? version)
    {
        if (product is null || !KnownProducts.TryGet(product, out var known) || !VersionText.IsIdentifier(version))
        {
            return null;
        }

        // OpenSSH writes its portable release as 9.2p1; NVD files that as version 9.2, update p1.
        var (plain, update) = known.SplitsPortableUpdate && SplitUpdate(version!) is { } split ? split : (version!, "*");
        return $"cpe:2.3:{known.Part}:{known.Vendor}:{known.Product}:{Escape(plain)}:{Escape(update)}:*:*:*:*:*:*";
    }

    private static (string, string)? SplitUpdate(string version)
    {
        var p = version.LastIndexOf('p');
        return p > 0 && p < version.Length - 1 && version[(p + 1)..].All(char.IsAsciiDigit) ? (version[..p], version[p..]) : null;
    }

    /// <summary>Quotes the characters CPE 2.3 reserves with a backslash; letters, digits, '.', '-' and '_' stand as they are.</summary>
    private static string Escape(string value)
    {
        if (value == "*")
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                sb.Append('\\');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
