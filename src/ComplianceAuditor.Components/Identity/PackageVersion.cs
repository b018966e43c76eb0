using System.Text.RegularExpressions;

namespace ComplianceAuditor.Components.Identity;

/// <summary>
/// The upstream part of a Debian or opkg package version, <c>[epoch:]upstream[-revision]</c>. The epoch and the
/// revision are the packager's, not the product's: NVD files OpenSSL 1.1.1n as 1.1.1n, not 1.1.1n-0+deb11u5, so a CPE
/// with them matches nothing. The package's own version (with both) stays in the component's version and purl.
/// </summary>
internal static partial class PackageVersion
{
    private const string Really = "+really";

    /// <summary>
    /// The version NVD would list: without a leading <c>N:</c> epoch, without the revision after the last hyphen, for a
    /// "+really" version the release after "really", and without a repack marker (".dfsg", "+ds1", "~repack").
    /// </summary>
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
        upstream = hyphen > 0 ? upstream[..hyphen] : upstream;
        // "2.0+really1.9" is a downgrade packaged under a higher number so it installs over 2.0: the code is 1.9's.
        var really = upstream.IndexOf(Really, StringComparison.Ordinal);
        if (really >= 0 && really + Really.Length < upstream.Length)
        {
            upstream = upstream[(really + Really.Length)..];
        }

        // A repacked tarball ("1.2.13.dfsg", with files removed for licensing) holds the same release's code; what
        // follows the marker numbers the repacks, not the release.
        return RepackMarker().Match(upstream) is { Success: true, Index: > 0 } marker ? upstream[..marker.Index] : upstream;
    }

    [GeneratedRegex(@"[.+~](dfsg|ds|repack)[0-9]*(?=$|[.+~])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RepackMarker();
}
