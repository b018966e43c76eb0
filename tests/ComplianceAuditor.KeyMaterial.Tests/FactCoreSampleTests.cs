using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.KeyMaterial.Parsing;
using ComplianceAuditor.KeyMaterial.Scanning;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.KeyMaterial.Tests;

/// <summary>
/// FACT_core's crypto_material samples (shared corpus): what each file really is, decided by reading it, and what a
/// correct tool says. One deliberate difference from FACT_core's own test: error.der is a valid key (below).
/// </summary>
public sealed class FactCoreSampleTests
{
    private const string Data = "corpus/FACT_core/src/plugins/analysis/crypto_material/test/data";

    [SharedFact(Data)]
    public void Id_rsa_is_an_8192_bit_pkcs1_private_key()
    {
        var item = Single("id_rsa");

        Assert.Equal((KeyKind.PrivateKey, KeyAlgorithm.Rsa, 8192, "PKCS#1"), (item.Kind, item.Algorithm, item.Bits, item.Format));
    }

    [SharedFact(Data)]
    public void Id_rsa_pub_is_a_2048_bit_ssh_public_key()
    {
        var item = Single("id_rsa.pub");

        Assert.Equal((KeyKind.PublicKey, KeyAlgorithm.Rsa, 2048), (item.Kind, item.Algorithm, item.Bits));
    }

    [SharedFact(Data)]
    public void Id_rsa_encrypted_is_a_legacy_encrypted_rsa_key_with_aria()
    {
        var item = Single("id_rsa_encrypted");

        Assert.Equal((KeyKind.EncryptedPrivateKey, KeyAlgorithm.Rsa), (item.Kind, item.Algorithm));
        Assert.Equal("encrypted with ARIA-192-CBC", item.Note);
    }

    [SharedFact(Data)]
    public void Pkcs_is_a_1024_bit_rsa_key_in_pkcs1_der_despite_its_name()
    {
        var item = Single("pkcs");

        Assert.Equal((KeyKind.PrivateKey, KeyAlgorithm.Rsa, 1024, "PKCS#1"), (item.Kind, item.Algorithm, item.Bits, item.Format));
        Assert.Equal(CandidateEncoding.Der, item.Encoding);
    }

    [SharedFact(Data)]
    public void Ssl_key_is_a_1024_bit_pkcs8_key_and_a_known_published_one()
    {
        var item = Single("ssl.key");

        Assert.Equal((KeyKind.PrivateKey, KeyAlgorithm.Rsa, 1024, "PKCS#8"), (item.Kind, item.Algorithm, item.Bits, item.Format));
        Assert.NotNull(KnownTestKeys.Find(item.SpkiSha256));
    }

    [SharedFact(Data)]
    public void Generic_public_key_is_a_1024_bit_rsa_spki()
    {
        var item = Single("generic_public_key");

        Assert.Equal((KeyKind.PublicKey, KeyAlgorithm.Rsa, 1024), (item.Kind, item.Algorithm, item.Bits));
        Assert.Equal("0d646f35705548ac0328756dc2ffa919084355d0d08adbbaf5a7c93bfdb6fa51", item.SpkiSha256);
    }

    [SharedFact(Data)]
    public void Ssl_crt_is_an_expired_ca_issued_server_certificate()
    {
        var item = Single("ssl.crt");
        var certificate = item.Certificate!;

        Assert.Equal((KeyKind.Certificate, KeyAlgorithm.Rsa, 2048), (item.Kind, item.Algorithm, item.Bits));
        Assert.Contains("CN=www.fkie.fraunhofer.de", certificate.Subject, StringComparison.Ordinal);
        Assert.Contains("CN=Fraunhofer Service CA - G01", certificate.Issuer, StringComparison.Ordinal);
        Assert.False(certificate.IsSelfSigned);
        Assert.False(certificate.IsCa);
        Assert.Equal(new DateTimeOffset(2017, 8, 31, 17, 37, 11, TimeSpan.Zero), certificate.NotAfter);
        Assert.Equal("1.2.840.113549.1.1.11", certificate.SignatureAlgorithmOid);
    }

    [SharedFact(Data)]
    public void Pkcs12_opens_with_the_empty_password_to_a_2048_bit_key_and_its_self_signed_certificate()
    {
        var item = Single("pkcs12");

        Assert.Equal(KeyKind.Pkcs12, item.Kind);
        var key = Assert.Single(item.Contents, c => c.Kind == KeyKind.PrivateKey);
        var certificate = Assert.Single(item.Contents, c => c.Kind == KeyKind.Certificate);
        Assert.Equal((KeyAlgorithm.Rsa, 2048), (key.Algorithm, key.Bits));
        Assert.Equal(key.SpkiSha256, certificate.SpkiSha256);
        Assert.True(certificate.Certificate!.IsSelfSigned);
        Assert.True(item.ContainsPrivateKey);
    }

    /// <summary>
    /// FACT_core's test expects no match for this file. It is nevertheless a complete, consistent DSA private key in
    /// OpenSSL's traditional DER layout (SEQUENCE of version 0, p of 2048 bits, q of 256 bits, g, y, x, and
    /// y = g^x mod p holds), so a correct tool reports it.
    /// </summary>
    [SharedFact(Data)]
    public void Error_der_is_in_fact_a_valid_2048_bit_dsa_private_key()
    {
        var item = Single("error.der");

        Assert.Equal((KeyKind.PrivateKey, KeyAlgorithm.Dsa, 2048, "OpenSSL DSA"), (item.Kind, item.Algorithm, item.Bits, item.Format));
    }

    [SharedFact(Data)]
    public void Fp_test_holds_only_empty_pem_blocks_and_confirms_nothing()
    {
        var findings = Find("FP_test");

        Assert.Empty(findings.Items);
        Assert.Equal(10, findings.Rejected.Count);
    }

    [SharedFact(Data)]
    public void Pgp_public_key_block_is_not_x509_key_material()
    {
        var findings = Find("0x6C2DF2C5-pub.asc");

        Assert.Empty(findings.Items);
        Assert.Contains("PGP PUBLIC KEY BLOCK", Assert.Single(findings.Rejected).Reason, StringComparison.Ordinal);
    }

    [SharedFact(Data)]
    public void Pkcs_fp_claims_64_kilobytes_in_27_bytes_and_is_not_even_a_candidate()
    {
        Assert.Equal(0, Find("pkcs_fp.file").CandidateCount);
    }

    [SharedFact(Data)]
    public void Ssl_fp_is_a_certificate_header_around_binary_bytes_and_is_not_even_a_candidate()
    {
        Assert.Equal(0, Find("ssl_fp.file").CandidateCount);
    }

    private static KeyMaterialFindings Find(string name) =>
        KeyMaterialFinder.Find(File.ReadAllBytes(Path.Combine(RepositoryPaths.Shared, Data, name)));

    private static KeyMaterialItem Single(string name) => Assert.Single(Find(name).Items);
}
