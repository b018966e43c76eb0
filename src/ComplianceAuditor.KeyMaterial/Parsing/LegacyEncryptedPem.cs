using System.Text.RegularExpressions;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// OpenSSL's legacy PEM encryption (<c>Proc-Type: 4,ENCRYPTED</c> and <c>DEK-Info: cipher,iv</c>). It is confirmed
/// from its headers and the shape of the ciphertext, without a password; the label says the key type.
/// </summary>
internal static partial class LegacyEncryptedPem
{
    public static Verdict Read(PemBlock pem)
    {
        if (!pem.Headers.TryGetValue("DEK-Info", out var dekInfo) || DekInfo().Match(dekInfo) is not { Success: true } match)
        {
            return Verdict.Reject("encrypted PEM without a valid DEK-Info header");
        }

        // Block ciphers of 8 or 16 bytes (DES, 3DES, AES, ARIA, Camellia...): the ciphertext is whole blocks.
        var blockBytes = match.Groups["iv"].Length / 2;
        if (pem.Body.Length < 32 || pem.Body.Length % blockBytes != 0)
        {
            return Verdict.Reject("encrypted PEM body is not a whole number of cipher blocks");
        }

        var algorithm = pem.Label switch
        {
            PemLabels.RsaPrivateKey => KeyAlgorithm.Rsa,
            PemLabels.EcPrivateKey => KeyAlgorithm.Ec,
            PemLabels.DsaPrivateKey => KeyAlgorithm.Dsa,
            _ => KeyAlgorithm.Unknown,
        };
        return Verdict.Of(new KeyMaterialItem
        {
            Kind = KeyKind.EncryptedPrivateKey,
            Algorithm = algorithm,
            Format = "legacy encrypted PEM",
            Note = "encrypted with " + match.Groups["cipher"].Value,
        });
    }

    [GeneratedRegex("^(?<cipher>[A-Za-z0-9-]{3,40})\\s*,\\s*(?<iv>(?:[0-9A-Fa-f]{16}){1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DekInfo();
}
