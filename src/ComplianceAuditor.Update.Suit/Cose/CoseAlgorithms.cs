using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Suit.Cose;

/// <summary>
/// COSE algorithm identifiers (IANA "COSE Algorithms") that SUIT authentication blocks use, with the verification
/// scheme of each signature algorithm this tool checks. COSE ECDSA signatures are r‖s, never DER.
/// </summary>
internal static class CoseAlgorithms
{
    /// <summary>The report name of a signature algorithm and how to verify it; Scheme is null for one not verified here.</summary>
    public static (string Name, SignatureScheme? Scheme) Signature(long algorithm) => algorithm switch
    {
        -7 => ("ES256", SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA256, signsDigest: false)),
        -9 => ("ESP256", SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA256, signsDigest: false)),
        -35 => ("ES384", SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA384, signsDigest: false)),
        -51 => ("ESP384", SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA384, signsDigest: false)),
        -36 => ("ES512", SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA512, signsDigest: false)),
        -52 => ("ESP512", SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA512, signsDigest: false)),
        -8 => ("EdDSA", SignatureScheme.Ed25519),
        -19 => ("Ed25519", SignatureScheme.Ed25519),
        -37 => ("PS256", SignatureScheme.RsaPss(HashAlgorithmName.SHA256, signsDigest: false)),
        -38 => ("PS384", SignatureScheme.RsaPss(HashAlgorithmName.SHA384, signsDigest: false)),
        -39 => ("PS512", SignatureScheme.RsaPss(HashAlgorithmName.SHA512, signsDigest: false)),
        -257 => ("RS256", SignatureScheme.RsaPkcs1(HashAlgorithmName.SHA256, signsDigest: false)),
        -258 => ("RS384", SignatureScheme.RsaPkcs1(HashAlgorithmName.SHA384, signsDigest: false)),
        -259 => ("RS512", SignatureScheme.RsaPkcs1(HashAlgorithmName.SHA512, signsDigest: false)),
        -46 => ("HSS-LMS", null),
        -53 => ("Ed448", null),
        _ => (Unknown(algorithm), null),
    };

    /// <summary>The report name of a MAC algorithm.</summary>
    public static string Mac(long algorithm) => algorithm switch
    {
        4 => "HMAC 256/64",
        5 => "HMAC 256/256",
        6 => "HMAC 384/384",
        7 => "HMAC 512/512",
        14 => "AES-MAC 128/64",
        15 => "AES-MAC 256/64",
        25 => "AES-MAC 128/128",
        26 => "AES-MAC 256/128",
        _ => Unknown(algorithm),
    };

    public static string Unknown(long algorithm) => string.Create(CultureInfo.InvariantCulture, $"COSE algorithm {algorithm}");
}
