using System.Text;

namespace ComplianceAuditor.Components.Identity;

/// <summary>
/// Builds package URLs (<c>pkg:type/namespace/name@version?qualifiers</c>) with every segment percent-encoded, so a
/// name from firmware can never add a segment, a qualifier or a subpath.
/// </summary>
internal static class Purl
{
    /// <summary>The purl, or null when the name is empty or the version is not a plain identifier.</summary>
    public static string? Build(PurlKind kind, string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (name.Length == 0 || (version is not null && !VersionText.IsIdentifier(version)))
        {
            return null;
        }

        var sb = new StringBuilder("pkg:").Append(kind.Type.ToLowerInvariant()).Append('/');
        if (kind.Namespace is { Length: > 0 } ns)
        {
            sb.Append(Encode(ns)).Append('/');
        }

        sb.Append(Encode(name));
        if (version is not null)
        {
            sb.Append('@').Append(Encode(version));
        }

        // Qualifiers are sorted by key, as the spec's canonical form asks.
        var qualifiers = (kind.Qualifiers ?? []).Where(q => q.Value.Length > 0).OrderBy(q => q.Key, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < qualifiers.Length; i++)
        {
            sb.Append(i == 0 ? '?' : '&').Append(qualifiers[i].Key.ToLowerInvariant()).Append('=').Append(Encode(qualifiers[i].Value));
        }

        return sb.ToString();
    }

    /// <summary>Percent-encodes everything but the unreserved characters of RFC 3986, byte by byte in UTF-8.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return sb.ToString();
    }
}
