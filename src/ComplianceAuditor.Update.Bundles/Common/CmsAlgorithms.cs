using System.Security.Cryptography;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>Maps the algorithm identifiers of a CMS SignerInfo to the schemes <see cref="PublicKeyVerifier"/> knows.</summary>
internal static class CmsAlgorithms
{
    /// <summary>The digest an OID names, or null for one .NET does not compute (SHA-224, MD5).</summary>
    public static (HashAlgorithmName Hash, string Name)? Digest(string oid) => oid switch
    {
        "2.16.840.1.101.3.4.2.1" => (HashAlgorithmName.SHA256, "SHA-256"),
        "2.16.840.1.101.3.4.2.2" => (HashAlgorithmName.SHA384, "SHA-384"),
        "2.16.840.1.101.3.4.2.3" => (HashAlgorithmName.SHA512, "SHA-512"),
        _ => null,
    };

    /// <summary>The scheme for a signature algorithm OID with the SignerInfo's digest, or null when unsupported.</summary>
    public static (SignatureScheme Scheme, string Name)? Signature(string oid, HashAlgorithmName hash, string hashName) => oid switch
    {
        // rsaEncryption, and the combined sha*WithRSAEncryption forms some signers write instead.
        "1.2.840.113549.1.1.1" or "1.2.840.113549.1.1.5" or "1.2.840.113549.1.1.11" or "1.2.840.113549.1.1.12" or "1.2.840.113549.1.1.13"
            => (SignatureScheme.RsaPkcs1(hash, signsDigest: false), $"RSA PKCS#1 v1.5 {hashName}"),
        "1.2.840.113549.1.1.10" => (SignatureScheme.RsaPss(hash, signsDigest: false), $"RSA-PSS {hashName}"),
        "1.2.840.10045.2.1" or "1.2.840.10045.4.1" or "1.2.840.10045.4.3.2" or "1.2.840.10045.4.3.3" or "1.2.840.10045.4.3.4"
            => (SignatureScheme.EcdsaDer(hash, signsDigest: false), $"ECDSA {hashName}"),
        "1.3.101.112" => (SignatureScheme.Ed25519, "Ed25519"),
        _ => null,
    };
}
