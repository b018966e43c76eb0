using System.Text.RegularExpressions;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// The version strings well-known libraries and programs compile into themselves. Each pattern starts with a literal
/// (so the search skips ahead quickly) and asks for the surrounding format, not just a number, so a sentence that
/// merely mentions a product does not count.
/// </summary>
internal static class Banners
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// One part of a version number. Bounded, so a match is always far shorter than the read windows' overlap (a run of
    /// digits in hostile bytes cannot make one that straddles a window).
    /// </summary>
    private const string N = "[0-9]{1,4}";

    /// <summary>
    /// Refuses a version that goes on: a following digit (so "2.28.10" is never read as "2.28.1"), ".digit" (a longer
    /// version), or "*", which marks a pattern in a table of versions (OpenSSH's compatibility list), not a version.
    /// </summary>
    private const string NotCut = @"(?![*0-9]|\.[0-9])";

    public static IReadOnlyList<Banner> All { get; } =
    [
        // OPENSSL_VERSION_TEXT: "OpenSSL 1.1.1w  11 Sep 2023", "OpenSSL 3.0.13 30 Jan 2024".
        new("openssl", "openssl", "library", new($@"OpenSSL (?<v>{N}\.{N}\.{N}[a-z]{{0,2}}) {{1,2}}[0-9]{{1,2}} [A-Z][a-z]{{2}} [0-9]{{4}}", Options, Timeout), "^(libssl|libcrypto)\\.so|^openssl$"),
        // The SSH identification string: "SSH-2.0-dropbear_2022.83".
        new("dropbear", "dropbear", "application", new($@"dropbear_(?<v>20[0-9]{{2}}\.[0-9]{{2,3}}){NotCut}", Options, Timeout), "^(dropbear|dropbearmulti|dbclient)$"),
        // SSH_VERSION "OpenSSH_9.2" with SSH_PORTABLE "p1" (6.6.1p1 had three parts). ssh and sshd also hold the
        // compatibility table, "OpenSSH_2.*,OpenSSH_3.0*,OpenSSH_3.1*", "OpenSSH_6.6.1*", "OpenSSH_7.4*", earlier in the
        // file than their own version: only a version that ends at a NUL, space, comma or line end is the program's.
        new("openssh", "openssh", "application", new($@"OpenSSH_(?<v>{N}\.{N}(\.{N})?(p{N})?)(?=[\x00 ,\r\n]|\z)", Options, Timeout), "^(ssh|sshd|scp|sftp-server|ssh-keygen)$"),
        // curl_version() copies "libcurl/" LIBCURL_VERSION.
        new("curl", "curl", "library", new($@"libcurl/(?<v>{N}\.{N}\.{N}){NotCut}", Options, Timeout), "^(libcurl\\.so|curl$)"),
        // wolfSSL keeps its version as a bare "5.6.6", which alone could be any number; only builds that print it after
        // the product's name ("wolfSSL v5.6.6") are recognised.
        new("wolfssl", "wolfssl", "library", new($@"wolfSSL v?(?<v>{N}\.{N}\.{N}){NotCut}", Options, Timeout), "^libwolfssl\\.so"),
        // MBEDTLS_VERSION_STRING_FULL: "Mbed TLS 3.5.1" (3.x), "mbed TLS 2.28.0" (2.x).
        new("mbedtls", "mbedtls", "library", new($@"[Mm]bed TLS (?<v>{N}\.{N}\.{N}){NotCut}", Options, Timeout), "^libmbed(tls|crypto|x509)\\.so"),
        // The copyright strings deflate.c and inflate.c embed.
        new("zlib", "zlib", "library", new($@"(de|in)flate (?<v>{N}\.{N}(\.{N}){{0,2}}) Copyright [0-9]{{4}}-[0-9]{{4}} (Jean-loup Gailly|Mark Adler)", Options, Timeout), "^libz\\.so"),
        // The CHAOS TXT answer "dnsmasq-2.80"; \b also refuses a letter after it ("2.87test3" is a test build).
        new("dnsmasq", "dnsmasq", "application", new($@"dnsmasq-(?<v>{N}\.{N}(\.{N})?)\b{NotCut}", Options, Timeout), "^dnsmasq$"),
    ];
}

/// <summary>
/// One product's banner. <paramref name="FileNames"/> matches the file names under which the artifact is the product
/// itself (<c>libssl.so.3</c>); elsewhere the banner means the product is linked into another program.
/// </summary>
internal sealed record Banner(string Name, string Product, string Type, Regex Pattern, string FileNames)
{
    public bool IsItself(string fileName) => Regex.IsMatch(fileName, FileNames, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
