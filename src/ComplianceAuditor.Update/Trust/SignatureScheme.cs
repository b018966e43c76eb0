using System.Security.Cryptography;

namespace ComplianceAuditor.Update.Trust;

/// <summary>How a signature is made, which decides how it is verified.</summary>
/// <param name="Kind">The primitive and its encoding.</param>
/// <param name="Hash">The hash the signer used (for digest inputs: the hash that made the digest).</param>
/// <param name="SignsDigest">
/// True when the data handed to <see cref="PublicKeyVerifier"/> is already the digest (MCUboot, ESP-IDF); false when
/// it is the message, which is then hashed here (COSE Sig_structure, FIT data, manifests).
/// </param>
public sealed record SignatureScheme(SignatureKind Kind, HashAlgorithmName Hash, bool SignsDigest)
{
    public static SignatureScheme RsaPss(HashAlgorithmName hash, bool signsDigest) => new(SignatureKind.RsaPss, hash, signsDigest);

    public static SignatureScheme RsaPkcs1(HashAlgorithmName hash, bool signsDigest) => new(SignatureKind.RsaPkcs1, hash, signsDigest);

    public static SignatureScheme EcdsaDer(HashAlgorithmName hash, bool signsDigest) => new(SignatureKind.EcdsaDer, hash, signsDigest);

    public static SignatureScheme EcdsaRaw(HashAlgorithmName hash, bool signsDigest) => new(SignatureKind.EcdsaRaw, hash, signsDigest);

    /// <summary>The key family that makes such signatures, as <see cref="PublicKeyVerifier.Family"/> names it.</summary>
    public string Family => Kind switch
    {
        SignatureKind.Ed25519 => "Ed25519",
        SignatureKind.EcdsaDer or SignatureKind.EcdsaRaw => "EC",
        _ => "RSA",
    };

    /// <summary>Ed25519 over the given bytes (which are a digest for MCUboot, the message elsewhere).</summary>
    public static SignatureScheme Ed25519 { get; } = new(SignatureKind.Ed25519, HashAlgorithmName.SHA512, SignsDigest: false);
}

/// <summary>The signature primitives update formats use.</summary>
public enum SignatureKind
{
    /// <summary>RSASSA-PSS, MGF1 with the same hash, salt as long as the hash (MCUboot, ESP-IDF, FIT "pss").</summary>
    RsaPss,

    /// <summary>RSASSA-PKCS1-v1_5 (FIT, AVB, SWUpdate raw RSA, RAUC and CMS).</summary>
    RsaPkcs1,

    /// <summary>ECDSA with an ASN.1 DER SEQUENCE of r and s (MCUboot, Mender, OpenSSL).</summary>
    EcdsaDer,

    /// <summary>ECDSA with r and s concatenated big-endian, each the size of the curve (COSE, FIT).</summary>
    EcdsaRaw,

    /// <summary>Ed25519 (MCUboot, COSE EdDSA).</summary>
    Ed25519,
}
