using ComplianceAuditor.KeyMaterial.Der;

namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>
/// Cheap structural pre-checks on a SEQUENCE: does its first element (and the one after) look like the start of a
/// private key, public key, certificate, certificate request, encrypted key or PKCS#12? Nothing here parses deeper.
/// </summary>
internal static class DerShape
{
    /// <summary>The smallest key structure worth a look: an X25519 SubjectPublicKeyInfo is 44 bytes.</summary>
    public const int MinContentLength = 0x20;

    /// <summary>Returns the total length of a plausible SEQUENCE at <paramref name="start"/>, or 0.</summary>
    public static int Measure(ReadOnlySpan<byte> data, int start, bool requireMinimalLength)
    {
        if (!DerHeader.TryRead(data, start, out var header) || header.Tag != 0x30 || header.IsIndefinite)
        {
            return 0;
        }

        var lengthByte = data[start + 1];
        var minimal = lengthByte switch
        {
            0x81 => header.ContentLength >= 0x80,
            0x82 => header.ContentLength >= 0x100,
            _ => lengthByte < 0x80,
        };
        if ((requireMinimalLength && !minimal) || header.ContentLength < MinContentLength
            || header.TotalLength > KeyCandidateScanner.MaxCandidateLength)
        {
            return 0;
        }

        var content = data.Slice(start + header.HeaderLength, header.ContentLength);
        return LooksLikeKeyMaterial(content) ? header.TotalLength : 0;
    }

    public static bool LooksLikeKeyMaterial(ReadOnlySpan<byte> content) => content[0] switch
    {
        0x02 => StartsWithInteger(content),
        0x30 => StartsWithSequence(content),
        _ => false,
    };

    private static bool StartsWithInteger(ReadOnlySpan<byte> content)
    {
        var cursor = new DerCursor(content);
        if (cursor.TryReadSmallInteger(out var version))
        {
            var rest = content[cursor.Position..];
            var next = cursor.PeekTag();
            return version switch
            {
                // PKCS#8 PrivateKeyInfo (AlgorithmIdentifier next), or PKCS#1 RSA / OpenSSL DSA (a long INTEGER next).
                0 => (next == 0x30 && InnerStartsWithOid(rest)) || (next == 0x02 && rest.Length > 2 && rest[1] is 0x81 or 0x82),
                // SEC1 ECPrivateKey (OCTET STRING next) or PKCS#8 v2 OneAsymmetricKey.
                1 => next == 0x04 || (next == 0x30 && InnerStartsWithOid(rest)),
                // PKCS#12 PFX: version 3, then the authSafe ContentInfo.
                3 => next == 0x30 && InnerStartsWithOid(rest),
                _ => false,
            };
        }

        // PKCS#1 RSAPublicKey: a long modulus and a short exponent, nothing else.
        cursor = new DerCursor(content);
        return cursor.TryRead(out _, out var modulus) && modulus.Length >= 64
            && cursor.TryRead(out var tag, out var exponent) && tag == 0x02 && exponent.Length is > 0 and <= 16 && cursor.AtEnd;
    }

    private static bool StartsWithSequence(ReadOnlySpan<byte> content)
    {
        var cursor = new DerCursor(content);
        if (!cursor.TryRead(out _, out var inner) || inner.IsEmpty)
        {
            return false;
        }

        var following = cursor.PeekTag();
        return inner[0] switch
        {
            // TBSCertificate with an explicit version, or a v1 certificate / a certification request info.
            0xA0 or 0x02 => following == 0x30,
            // AlgorithmIdentifier: SubjectPublicKeyInfo (BIT STRING next) or EncryptedPrivateKeyInfo (OCTET STRING).
            0x06 => following is 0x03 or 0x04,
            _ => false,
        };
    }

    private static bool InnerStartsWithOid(ReadOnlySpan<byte> sequence) =>
        DerCursor.TryOpen(sequence, 0x30, out var inner) && !inner.IsEmpty && inner[0] == 0x06;
}
