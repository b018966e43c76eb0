namespace ComplianceAuditor.Components.Identity;

/// <summary>
/// The upstream part of a Debian or opkg package version, <c>[epoch:]upstream[-revision]</c>. The epoch and the
/// revision are the packager's, not the product's: NVD files OpenSSL 1.1.1n as 1.1.1n, not 1.1.1n-0+deb11u5, so a CPE
/// with them matches nothing. The package's own version (with both) stays in the component's version and purl.
/// </summary>
internal static class PackageVersion
{
    /// <summary>The version without a leading <c>N:</c> epoch and without the revision after the last hyphen.</summary>
    public static string? Upstream(string? version)
    {
        if (version is null)
        {
            return null;
        }

        var colon = version.IndexOf(':', StringComparison.Ordinal);
        var upstream = colon > 0 && version[..colon].All(char.IsAsciiDigit) ? version[(colon + 1)..] : version;
        // Debian policy: the upstream part may hold a hyphen only when a revision follows, so the last hyphen starts it.
        var hyphen = upstream.LastIndexOf('-');
        return hyphen > 0 ? upstream[..hyphen] : upstream;
    }
}
