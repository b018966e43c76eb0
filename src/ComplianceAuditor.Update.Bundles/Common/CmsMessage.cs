using System.Globalization;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// A CMS ContentInfo read from untrusted DER: SignedData (with its encapsulated content when it has one) or
/// EnvelopedData (only counted: it is encrypted for recipients whose keys an auditor does not have).
/// </summary>
internal sealed record CmsMessage
{
    /// <summary>Larger CMS structures are not signatures but payloads; every real one is a few kilobytes.</summary>
    public const int MaxSize = 4 << 20;

    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private const string EnvelopedDataOid = "1.2.840.113549.1.7.3";

    /// <summary>The signed data, or null when the message is not SignedData.</summary>
    public CmsSignedData? Signed { get; init; }

    /// <summary>The encapsulated content of a SignedData, or null when it is detached.</summary>
    public byte[]? Content { get; init; }

    /// <summary>Whether the message is EnvelopedData (encrypted).</summary>
    public bool IsEnveloped { get; init; }

    /// <summary>The number of recipients of an EnvelopedData.</summary>
    public int Recipients { get; init; }

    /// <summary>The content type OID of the ContentInfo.</summary>
    public required string ContentType { get; init; }

    /// <summary>Whether <paramref name="bytes"/> start like a CMS ContentInfo: a SEQUENCE whose encoding fills them exactly.</summary>
    public static bool LooksLikeContentInfo(ReadOnlySpan<byte> bytes) =>
        bytes.Length is > 16 and <= MaxSize && bytes[0] == 0x30 && DerScan.MeasureElement(bytes) == bytes.Length;

    /// <summary>The message, or null with <paramref name="problem"/> saying why it could not be read.</summary>
    public static CmsMessage? TryRead(ReadOnlySpan<byte> der, out string? problem)
    {
        problem = null;
        if (der.Length > MaxSize)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the CMS structure is {der.Length} bytes, more than the {MaxSize} accepted");
            return null;
        }

        if (DerScan.MeasureElement(der) is not { } size || size != der.Length)
        {
            problem = "the CMS structure is not well-formed DER (bad lengths, too deep, or trailing bytes)";
            return null;
        }

        try
        {
            var info = ContentInfo.GetInstance(Asn1Object.FromByteArray(der.ToArray()));
            var type = info.ContentType.Id;
            switch (type)
            {
                case SignedDataOid:
                    var signedData = SignedData.GetInstance(info.Content);
                    var content = signedData.EncapContentInfo.Content is Asn1OctetString octets ? octets.GetOctets() : null;
                    return new CmsMessage { ContentType = type, Signed = new CmsSignedData(info), Content = content };
                case EnvelopedDataOid:
                    var enveloped = EnvelopedData.GetInstance(info.Content);
                    return new CmsMessage { ContentType = type, IsEnveloped = true, Recipients = enveloped.RecipientInfos.Count };
                default:
                    return new CmsMessage { ContentType = type };
            }
        }
        catch (Exception e) when (IsMalformed(e))
        {
            problem = "the CMS structure cannot be decoded: " + e.Message;
            return null;
        }
    }

    /// <summary>The exceptions BouncyCastle raises for malformed ASN.1 and CMS, which are expected from hostile bytes.</summary>
    public static bool IsMalformed(Exception e) =>
        e is CmsException or IOException or ArgumentException or InvalidCastException or InvalidOperationException
            or FormatException or SecurityUtilityException or GeneralSecurityException or OverflowException or NotSupportedException;
}
