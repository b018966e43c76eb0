using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// Verifies each SignerInfo of a CMS SignedData over its content (encapsulated, or detached and given here). The
/// content digest is compared with the messageDigest attribute once; each key is then tried on the signed
/// attributes only, so trying many keys never re-hashes a large payload. The signer certificate's key is the
/// embedded key for <see cref="SignatureJudge"/>, and a valid signature whose certificate chains to a trusted
/// certificate is <see cref="SignatureStatus.VerifiedTrusted"/>, unless the signer's key is a published test key.
/// </summary>
internal static class CmsSignatureCheck
{
    /// <summary>More signers or certificates than any bundle carries; bounds the work on a hostile message.</summary>
    private const int MaxSigners = 8;

    private const int MaxCertificates = 32;

    public static IReadOnlyList<SignatureFinding> Verify(CmsSignedData signed, ReadOnlyMemory<byte>? content, string contentName, TrustAnchors anchors, List<InspectionFact> facts)
    {
        var findings = new List<SignatureFinding>();
        try
        {
            var certificates = signed.GetCertificates().EnumerateMatches(null).Take(MaxCertificates).ToList();
            foreach (var signer in signed.GetSignerInfos().GetSigners().Take(MaxSigners))
            {
                var certificate = certificates.FirstOrDefault(c => signer.SignerID.Match(c));
                if (certificate is not null)
                {
                    facts.Add(new("CMS signer", certificate.SubjectDN.ToString()));
                }

                findings.Add(Judge(signer, certificate, certificates, content, contentName, anchors));
            }
        }
        catch (Exception e) when (CmsMessage.IsMalformed(e))
        {
            // BouncyCastle decodes signer infos and certificates lazily, so damage inside them surfaces here.
            findings.Add(new(SignatureStatus.Invalid, "CMS", null, null, null, "the CMS signer information cannot be decoded: " + e.Message));
        }

        return findings;
    }

    private static SignatureFinding Judge(SignerInformation signer, X509Certificate? certificate, List<X509Certificate> carried,
        ReadOnlyMemory<byte>? content, string contentName, TrustAnchors anchors)
    {
        var keyId = certificate is null ? SignerName(signer) : null;
        var digestOid = signer.DigestAlgorithmID.Algorithm.Id;
        var signatureOid = signer.SignatureAlgorithm.Algorithm.Id;
        if (CmsAlgorithms.Digest(digestOid) is not { } digest || CmsAlgorithms.Signature(signatureOid, digest.Hash, digest.Name) is not { } scheme)
        {
            return new(SignatureStatus.NotVerifiable, $"CMS ({digestOid}, {signatureOid})", keyId, null, null,
                $"the CMS signer uses digest {digestOid} with signature {signatureOid}, which this version does not verify");
        }

        var algorithm = "CMS " + scheme.Name;
        if (content is not { } data)
        {
            return new(SignatureStatus.NotVerifiable, algorithm, keyId, null, null, $"the signed content ({contentName}) is not at hand");
        }

        var signature = signer.GetSignature();
        var signedAttributes = signer.GetEncodedSignedAttributes();
        var digestMatches = true;
        if (signedAttributes is not null)
        {
            var declared = MessageDigest(signer);
            digestMatches = declared is not null && declared.AsSpan().SequenceEqual(Digests.Compute(digest.Hash, data.Span));
        }

        var message = signedAttributes ?? data.ToArray();
        var embedded = certificate?.SubjectPublicKeyInfo.GetDerEncoded();
        var finding = SignatureJudge.Judge(
            new SignatureJudge.Candidate(algorithm, spki => digestMatches && KeyShape.Fits(scheme.Scheme, spki, signature.Length)
                && PublicKeyVerifier.Verifies(scheme.Scheme, spki, message, signature), keyId, null, embedded),
            anchors);
        if (!digestMatches)
        {
            return finding with
            {
                Status = SignatureStatus.Invalid,
                Reason = $"the {contentName} does not match the digest the CMS signature covers: it was changed after signing",
            };
        }

        if (!finding.IsValid || finding.Status == SignatureStatus.VerifiedTrusted || certificate is null)
        {
            return finding;
        }

        if (CertificateChain.FindAnchor(certificate, carried, anchors) is not { } anchor)
        {
            return finding;
        }

        // As for raw keys (SignatureJudge): a chain that ends in, or passes through, a published test key vouches
        // for nothing, so the status says test key even though the anchor was given.
        var chained = $"the {algorithm} signature is valid and the signer certificate ({certificate.SubjectDN}) chains to the trusted certificate {anchor} " +
            "(validity dates and revocation not checked)";
        return finding.TestKey is not null
            ? finding with { Status = SignatureStatus.SignedWithTestKey, TrustedKey = anchor, Reason = chained + "; the signer's key is a published test key" }
            : finding with { Status = SignatureStatus.VerifiedTrusted, TrustedKey = anchor, Reason = chained };
    }

    private static byte[]? MessageDigest(SignerInformation signer)
    {
        var attribute = signer.SignedAttributes?[CmsAttributes.MessageDigest];
        return attribute?.AttrValues.Count == 1 && attribute.AttrValues[0] is Asn1OctetString octets ? octets.GetOctets() : null;
    }

    /// <summary>How a SignerInfo names a certificate the message does not carry: issuer and serial, or key identifier.</summary>
    private static string SignerName(SignerInformation signer) =>
        signer.SignerID.SubjectKeyIdentifier is { } ski
            ? "subjectKeyIdentifier " + Convert.ToHexStringLower(ski)
            : $"{signer.SignerID.Issuer}, serial {signer.SignerID.SerialNumber}";
}
