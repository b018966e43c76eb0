namespace ComplianceAuditor.Components.Identity;

/// <summary>
/// Which installed packages (dpkg on Debian, opkg on OpenWrt) are a product in <see cref="KnownProducts"/>. One list for
/// both package managers: the distributions name the same upstream code differently (Debian's libssl3 and OpenWrt's
/// libopenssl3 are both OpenSSL), and a package missing here silently loses its CPE.
/// </summary>
internal static class PackageProducts
{
    /// <summary>Package names, exactly, with their product key; sorted by name.</summary>
    private static readonly KeyValuePair<string, string>[] Exact =
    [
        new("busybox", "busybox"),
        new("busybox-static", "busybox"),
        new("curl", "curl"),
        new("dnsmasq", "dnsmasq"),
        new("dnsmasq-base", "dnsmasq"),
        new("dnsmasq-dhcpv6", "dnsmasq"),
        new("dnsmasq-full", "dnsmasq"),
        new("dropbear", "dropbear"),
        new("dropbear-bin", "dropbear"),
        new("libcurl", "curl"),
        new("libcurl4", "curl"),
        new("libopenssl", "openssl"),
        new("libopenssl1.1", "openssl"),
        new("libopenssl3", "openssl"),
        new("libssl1.0.0", "openssl"),
        new("libssl1.0.2", "openssl"),
        new("libssl1.1", "openssl"),
        new("libssl3", "openssl"),
        new("libssl3t64", "openssl"),
        new("openssh-client", "openssh"),
        new("openssh-server", "openssh"),
        new("openssh-sftp-server", "openssh"),
        new("openssl", "openssl"),
        new("openssl-util", "openssl"),
        new("zlib", "zlib"),
        new("zlib1g", "zlib"),
    ];

    /// <summary>
    /// Name prefixes for libraries whose package name carries the ABI version (libmbedtls14, libmbedcrypto7,
    /// libwolfssl5.7.2.e624513f); sorted.
    /// </summary>
    private static readonly KeyValuePair<string, string>[] Prefixes =
    [
        new("libmbedcrypto", "mbedtls"),
        new("libmbedtls", "mbedtls"),
        new("libmbedx509", "mbedtls"),
        new("libwolfssl", "wolfssl"),
    ];

    /// <summary>The product key for a package name, or null when the package is not a known product.</summary>
    public static string? Of(string package)
    {
        foreach (var (name, product) in Exact)
        {
            if (string.Equals(name, package, StringComparison.Ordinal))
            {
                return product;
            }
        }

        foreach (var (prefix, product) in Prefixes)
        {
            if (package.StartsWith(prefix, StringComparison.Ordinal))
            {
                return product;
            }
        }

        return null;
    }
}
