using System.Diagnostics.CodeAnalysis;

namespace ComplianceAuditor.Components.Identity;

/// <summary>
/// Products whose NVD vendor and product names are known, so a CPE can be given for them; the names follow the NVD
/// dictionary, which is what vulnerability matching looks them up by.
/// </summary>
internal static class KnownProducts
{
    private static readonly KnownProduct[] Products =
    [
        new("busybox", "a", "busybox", "busybox", "BusyBox project"),
        new("curl", "a", "haxx", "curl", "curl project"),
        new("dnsmasq", "a", "thekelleys", "dnsmasq", "Simon Kelley"),
        new("dropbear", "a", "dropbear_ssh_project", "dropbear_ssh", "Dropbear SSH project"),
        new("esp-idf", "a", "espressif", "esp-idf", "Espressif Systems"),
        new("linux", "o", "linux", "linux_kernel", "The Linux kernel project"),
        new("mbedtls", "a", "arm", "mbed_tls", "Mbed TLS project"),
        new("openssh", "a", "openbsd", "openssh", "OpenBSD project", SplitsPortableUpdate: true),
        new("openssl", "a", "openssl", "openssl", "OpenSSL project"),
        new("openwrt", "o", "openwrt", "openwrt", "OpenWrt project"),
        new("wolfssl", "a", "wolfssl", "wolfssl", "wolfSSL Inc."),
        new("zlib", "a", "zlib", "zlib", "zlib project"),
    ];

    public static bool TryGet(string key, [NotNullWhen(true)] out KnownProduct? product)
    {
        product = Products.FirstOrDefault(p => p.Key == key);
        return product is not null;
    }
}

/// <summary>One product's CPE part (<c>a</c> application, <c>o</c> operating system), vendor and product, and who publishes it.</summary>
internal sealed record KnownProduct(string Key, string Part, string Vendor, string Product, string Supplier, bool SplitsPortableUpdate = false);
