using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// Confirms a candidate by parsing it with BouncyCastle, after bounds, depth and size checks of our own, and
/// describes what it is. An unparsable lookalike is rejected with a reason. Never throws for any input bytes.
/// </summary>
public static class KeyMaterialParser
{
    /// <summary>Parses a candidate found in <paramref name="data"/> scanned with base offset 0.</summary>
    public static KeyParseResult TryParse(ReadOnlySpan<byte> data, KeyCandidate candidate) => TryParse(data, 0, candidate);

    /// <summary>
    /// Parses a candidate found by <see cref="KeyCandidateScanner.Scan"/> in <paramref name="data"/> scanned with
    /// <paramref name="baseOffset"/>. Works on a copy of at most <see cref="KeyCandidateScanner.MaxCandidateLength"/>
    /// bytes; the result's offset is the candidate's.
    /// </summary>
    public static KeyParseResult TryParse(ReadOnlySpan<byte> data, long baseOffset, KeyCandidate candidate)
    {
        var start = candidate.Offset - baseOffset;
        if (start < 0 || candidate.Length <= 0 || candidate.Length > KeyCandidateScanner.MaxCandidateLength || start > data.Length - candidate.Length)
        {
            return KeyParseResult.Rejected(candidate, "candidate lies outside the buffer or is longer than the limit");
        }

        var bytes = data.Slice((int)start, candidate.Length);
        Verdict verdict;
#pragma warning disable CA1031 // BouncyCastle throws many exception types on malformed input; each one means "rejected".
        try
        {
            verdict = Read(bytes, candidate);
        }
        catch (Exception ex)
        {
            verdict = Verdict.Reject("parser refused it: " + ex.GetType().Name + ": " + ex.Message);
        }
#pragma warning restore CA1031
        if (verdict.Item is not { } item)
        {
            return KeyParseResult.Rejected(candidate, verdict.Reason ?? "not key material");
        }

        return KeyParseResult.Confirmed(candidate, Place(item, candidate));
    }

    private static Verdict Read(ReadOnlySpan<byte> bytes, KeyCandidate candidate) => candidate.Encoding switch
    {
        CandidateEncoding.Der => DerKeyReader.Read(bytes),
        CandidateEncoding.Pem when candidate.PemLabel is { } label && !IsReadableLabel(label) => RejectLabel(label),
        CandidateEncoding.Pem => ReadPem(bytes),
        CandidateEncoding.OpenSsh when candidate.PemLabel is null => OpenSshKeyReader.Read(bytes),
        CandidateEncoding.OpenSsh => ReadPem(bytes),
        CandidateEncoding.SshPublicLine => SshPublicLineReader.Read(bytes),
        CandidateEncoding.Putty => PuttyKeyReader.Read(bytes),
        _ => Verdict.Reject("unknown candidate encoding"),
    };

    private static Verdict ReadPem(ReadOnlySpan<byte> bytes)
    {
        if (!PemText.TryDecode(bytes, out var pem, out var reason))
        {
            return Verdict.Reject(reason);
        }

        switch (pem.Label)
        {
            case PemLabels.OpenSshPrivateKey:
                return OpenSshKeyReader.Read(pem.Body);
            case PemLabels.RsaPrivateKey or PemLabels.EcPrivateKey or PemLabels.DsaPrivateKey when pem.IsLegacyEncrypted:
                return LegacyEncryptedPem.Read(pem);
            case var label when IsReadableLabel(label):
                return DerKeyReader.Read(pem.Body);
            default:
                return RejectLabel(pem.Label);
        }
    }

    /// <summary>Labels whose body is a DER key, certificate or request (or OpenSSH's key); PGP, CRLs, parameters are not.</summary>
    private static bool IsReadableLabel(string label) => label is PemLabels.Certificate or PemLabels.X509Certificate
        or PemLabels.TrustedCertificate or PemLabels.CertificateRequest or PemLabels.NewCertificateRequest or PemLabels.PrivateKey
        or PemLabels.EncryptedPrivateKey or PemLabels.RsaPrivateKey or PemLabels.EcPrivateKey or PemLabels.DsaPrivateKey
        or PemLabels.PublicKey or PemLabels.RsaPublicKey or PemLabels.OpenSshPrivateKey;

    private static Verdict RejectLabel(string label) => Verdict.Reject("PEM label '" + label + "' is not key material this parser reads");

    /// <summary>Sets where the item was found; a container's contents share its place.</summary>
    private static KeyMaterialItem Place(KeyMaterialItem item, KeyCandidate candidate) => item with
    {
        Encoding = candidate.Encoding,
        Offset = candidate.Offset,
        Length = candidate.Length,
        PemLabel = candidate.PemLabel,
        Contents = [.. item.Contents.Select(inner => Place(inner, candidate))],
    };
}
