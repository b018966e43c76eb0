using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Numerics;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// Turns the key material of a Secure Boot v2 block into a DER SubjectPublicKeyInfo, the form every verifier and
/// the test-key catalogue use. ESP hardware stores big numbers little-endian, so each is reversed here. The DER is
/// written directly rather than through an RSA or ECDsa object, so a key the platform cannot load still gets a
/// fingerprint, and the encoding is the canonical one the catalogue's fingerprints were made from.
/// </summary>
internal static class EspPublicKeys
{
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary>
    /// The SPKI of an <c>ets_rsa_pubkey_t</c> (n[384] little-endian, then u32 e; the Montgomery constants after it
    /// are derived values and not needed), or null when n or e is zero.
    /// </summary>
    public static byte[]? RsaSpki(ReadOnlySpan<byte> keyField)
    {
        if (keyField.Length < 388)
        {
            return null;
        }

        var modulus = new BigInteger(keyField[..384], isUnsigned: true, isBigEndian: false);
        var exponent = BinaryPrimitives.ReadUInt32LittleEndian(keyField[384..]);
        if (modulus.IsZero || exponent == 0)
        {
            return null;
        }

        var key = new AsnWriter(AsnEncodingRules.DER);
        using (key.PushSequence())
        {
            key.WriteInteger(modulus);
            key.WriteInteger(exponent);
        }

        var spki = new AsnWriter(AsnEncodingRules.DER);
        using (spki.PushSequence())
        {
            using (spki.PushSequence())
            {
                spki.WriteObjectIdentifier(RsaEncryption);
                spki.WriteNull();
            }

            spki.WriteBitString(key.Encode());
        }

        return spki.Encode();
    }

    /// <summary>The SPKI of an uncompressed point given as little-endian X then little-endian Y.</summary>
    public static byte[] EcSpki(EspEcdsaCurve curve, ReadOnlySpan<byte> xLittleEndian, ReadOnlySpan<byte> yLittleEndian)
    {
        var point = new byte[1 + xLittleEndian.Length + yLittleEndian.Length];
        point[0] = 0x04;
        Reversed(xLittleEndian).CopyTo(point, 1);
        Reversed(yLittleEndian).CopyTo(point, 1 + xLittleEndian.Length);
        var spki = new AsnWriter(AsnEncodingRules.DER);
        using (spki.PushSequence())
        {
            using (spki.PushSequence())
            {
                spki.WriteObjectIdentifier(EcPublicKey);
                spki.WriteObjectIdentifier(curve.Oid);
            }

            spki.WriteBitString(point);
        }

        return spki.Encode();
    }

    /// <summary>A big-endian copy of little-endian bytes.</summary>
    public static byte[] Reversed(ReadOnlySpan<byte> littleEndian)
    {
        var copy = littleEndian.ToArray();
        Array.Reverse(copy);
        return copy;
    }
}
