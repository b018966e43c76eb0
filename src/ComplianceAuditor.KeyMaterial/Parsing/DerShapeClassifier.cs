using ComplianceAuditor.KeyMaterial.Der;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>Tells the structures apart by their first elements, so each is handed to exactly one BouncyCastle reader.</summary>
internal static class DerShapeClassifier
{
    public static DerShapeKind Classify(ReadOnlySpan<byte> der)
    {
        if (!DerCursor.TryOpen(der, 0x30, out var content) && !TryOpenIndefinite(der, out content))
        {
            return DerShapeKind.Unknown;
        }

        var cursor = new DerCursor(content);
        return cursor.PeekTag() switch
        {
            0x02 => ClassifyByVersion(content),
            0x30 => ClassifyBySequence(content),
            _ => DerShapeKind.Unknown,
        };
    }

    private static DerShapeKind ClassifyByVersion(ReadOnlySpan<byte> content)
    {
        var cursor = new DerCursor(content);
        if (!cursor.TryReadSmallInteger(out var version))
        {
            return CountElements(content) == 2 ? DerShapeKind.Pkcs1RsaPublicKey : DerShapeKind.Unknown;
        }

        var next = cursor.PeekTag();
        return (version, next) switch
        {
            (0 or 1, 0x30) => DerShapeKind.Pkcs8PrivateKey,
            (3, 0x30) => DerShapeKind.Pkcs12,
            (1, 0x04) => DerShapeKind.Sec1EcPrivateKey,
            (0, 0x02) => CountElements(content) switch
            {
                6 => DerShapeKind.OpenSslDsaPrivateKey,
                >= 9 => DerShapeKind.Pkcs1RsaPrivateKey,
                _ => DerShapeKind.Unknown,
            },
            _ => DerShapeKind.Unknown,
        };
    }

    private static DerShapeKind ClassifyBySequence(ReadOnlySpan<byte> content)
    {
        var cursor = new DerCursor(content);
        if (!cursor.TryRead(out _, out var first) || first.IsEmpty)
        {
            return DerShapeKind.Unknown;
        }

        var following = cursor.PeekTag();
        if (first[0] == 0x06)
        {
            return following switch
            {
                0x03 => DerShapeKind.SubjectPublicKeyInfo,
                0x04 => DerShapeKind.EncryptedPrivateKeyInfo,
                _ => DerShapeKind.Unknown,
            };
        }

        if (following != 0x30)
        {
            return DerShapeKind.Unknown;
        }

        if (first[0] == 0xA0)
        {
            return DerShapeKind.Certificate;
        }

        // INTEGER first: a v1 TBSCertificate (serial, then an AlgorithmIdentifier) or a CertificationRequestInfo
        // (version 0, then the subject Name, a SEQUENCE of SETs).
        var inner = new DerCursor(first);
        if (first[0] != 0x02 || !inner.TryRead(out _, out _) || !inner.TryRead(out var tag, out var second) || tag != 0x30)
        {
            return DerShapeKind.Unknown;
        }

        return second.IsEmpty || second[0] == 0x31 ? DerShapeKind.CertificateRequest : DerShapeKind.Certificate;
    }

    private static int CountElements(ReadOnlySpan<byte> content)
    {
        var cursor = new DerCursor(content);
        var count = 0;
        while (!cursor.AtEnd && cursor.TryRead(out _, out _))
        {
            count++;
        }

        return cursor.AtEnd ? count : -1;
    }

    /// <summary>BER PKCS#12 files open with an indefinite-length SEQUENCE; its content starts after two bytes.</summary>
    private static bool TryOpenIndefinite(ReadOnlySpan<byte> der, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (der.Length < 4 || der[0] != 0x30 || der[1] != 0x80)
        {
            return false;
        }

        content = der[2..];
        return true;
    }
}
