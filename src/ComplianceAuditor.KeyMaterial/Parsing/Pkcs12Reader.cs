using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// PKCS#12 (PFX) containers. The outer structure confirms the container; its contents are read where no password
/// or the empty password opens them, since that is how devices often ship them. Contents behind a real password stay
/// closed, and the container is still reported.
/// </summary>
internal static class Pkcs12Reader
{
    public static Verdict Read(ReadOnlySpan<byte> der)
    {
        var sequence = Asn1Input.ParseSequence(der);
        if (sequence is null)
        {
            return Verdict.Reject("PKCS#12: not well-formed BER/DER, or nested or sized beyond the limits");
        }

        var pfx = Pfx.GetInstance(sequence);
        var container = new KeyMaterialItem { Kind = KeyKind.Pkcs12, Format = "PKCS#12" };
        if (!pfx.AuthSafe.ContentType.Equals(PkcsObjectIdentifiers.Data))
        {
            return Verdict.Of(container with { Note = "public-key integrity mode: contents not read" });
        }

        var safes = Asn1Input.ParseSequence(Asn1OctetString.GetInstance(pfx.AuthSafe.Content).GetOctets());
        if (safes is null)
        {
            return Verdict.Reject("PKCS#12: the authenticated safe is not a well-formed SEQUENCE");
        }

        var opener = new Pkcs12Opener();
        foreach (var contentInfo in AuthenticatedSafe.GetInstance(safes).GetContentInfo())
        {
            opener.ReadSafe(contentInfo);
        }

        return Verdict.Of(container with { Contents = opener.Items, Note = opener.Note });
    }
}
