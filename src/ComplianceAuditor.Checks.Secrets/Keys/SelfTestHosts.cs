using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>
/// Cryptographic libraries carry keys and certificates of their own for power-on self-tests and known-answer tests
/// (GnuTLS alone holds fourteen private keys). Those are published test vectors, not the device's secrets, so key
/// material inside such a library binary is set aside, and the result says how much was. A key in a text file next to
/// the library still counts.
/// </summary>
internal static class SelfTestHosts
{
    private static readonly string[] LibraryPrefixes =
    [
        "libgnutls", "libcrypto", "libssl", "libmbedcrypto", "libmbedtls", "libmbedx509", "libwolfssl", "libnettle",
        "libhogweed", "libgcrypt", "libsodium", "libbearssl", "libtomcrypt", "libnss3", "libsoftokn3", "libfreebl",
        "libmatrixssl", "libaxtls", "libcyassl", "libboringssl", "libgnutls-dane",
    ];

    public static bool IsCryptoLibrary(Artifact artifact)
    {
        if (artifact.Kind is not (ArtifactKind.Elf or ArtifactKind.Binary))
        {
            return false;
        }

        var name = artifact.RelativePath[(artifact.RelativePath.LastIndexOf('/') + 1)..];
        return LibraryPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            && (name.Contains(".so", StringComparison.Ordinal) || name.EndsWith(".a", StringComparison.Ordinal) || name.EndsWith(".dll", StringComparison.Ordinal));
    }
}
