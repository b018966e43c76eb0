using System.Security.Cryptography;

namespace ComplianceAuditor.Update.Trust;

/// <summary>Conversions between the public-key encodings formats use and the SubjectPublicKeyInfo the verifier takes.</summary>
public static class PublicKeyForms
{
    /// <summary>A PKCS#1 RSAPublicKey (as MCUboot and U-Boot tools write RSA keys) as SubjectPublicKeyInfo.</summary>
    /// <exception cref="CryptographicException">The bytes are not an RSAPublicKey.</exception>
    public static byte[] SpkiFromPkcs1(ReadOnlySpan<byte> pkcs1)
    {
        using var rsa = RSA.Create();
        rsa.ImportRSAPublicKey(pkcs1, out _);
        return rsa.ExportSubjectPublicKeyInfo();
    }
}
