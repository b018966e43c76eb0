using ComplianceAuditor.KeyMaterial.Parsing;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Tests;

/// <summary>Lookalikes: each must give no confirmed item, and the ones that reach the parser say why.</summary>
public sealed class NegativeControlTests
{
    [Fact]
    public void Pem_header_with_a_garbage_body_is_rejected_as_not_base64()
    {
        var findings = Fixture.Find("pem-garbage-body.pem");

        Assert.Empty(findings.Items);
        Assert.Equal("PEM body is not valid base64", Assert.Single(findings.Rejected).Reason);
    }

    [Fact]
    public void Truncated_der_key_is_not_a_candidate_at_all()
    {
        Assert.Empty(Fixture.Candidates(Fixture.Bytes("truncated.der")));
    }

    [Fact]
    public void Truncated_der_key_handed_to_the_parser_anyway_is_rejected()
    {
        var der = Fixture.Bytes("truncated.der");

        var result = KeyMaterialParser.TryParse(der, new KeyCandidate(0, der.Length, CandidateEncoding.Der));

        Assert.Equal(KeyParseStatus.Rejected, result.Status);
    }

    [Fact]
    public void Nul_terminated_pem_markers_of_a_tls_library_are_not_blocks()
    {
        var findings = Fixture.Find("marker-constants.bin");

        Assert.Equal(0, findings.CandidateCount);
        Assert.Empty(findings.Items);
    }

    [Fact]
    public void Pgp_public_key_block_is_rejected_by_label()
    {
        var findings = Fixture.Find("pgp-public.asc");

        Assert.Empty(findings.Items);
        Assert.Contains(findings.Rejected, r => r.Candidate.PemLabel == "PGP PUBLIC KEY BLOCK");
    }

    [Fact]
    public void Digest_info_shaped_der_is_not_an_encrypted_key()
    {
        // SEQUENCE { AlgorithmIdentifier sha256, OCTET STRING of 300 bytes }: the shape of EncryptedPrivateKeyInfo.
        var der = new List<byte>
        {
            0x30, 0x82, 0x01, 0x3F, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
            0x04, 0x82, 0x01, 0x2C,
        };
        der.AddRange(new byte[300]);

        var findings = KeyMaterialFinder.Find(der.ToArray());

        Assert.Empty(findings.Items);
        Assert.Contains("not a password-based encryption scheme", Assert.Single(findings.Rejected).Reason, StringComparison.Ordinal);
    }
}
