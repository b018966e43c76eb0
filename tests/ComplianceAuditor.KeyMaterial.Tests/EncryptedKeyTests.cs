using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.KeyMaterial.Tests;

public sealed class EncryptedKeyTests
{
    [Fact]
    public void Encrypted_pkcs8_is_confirmed_without_a_password_and_has_no_fingerprint()
    {
        var item = Fixture.Single("rsa2048-pkcs8-encrypted.pem");

        Assert.Equal(KeyKind.EncryptedPrivateKey, item.Kind);
        Assert.Equal(KeyAlgorithm.Unknown, item.Algorithm);
        Assert.Null(item.SpkiSha256);
        Assert.Equal("encrypted with PBES2 (PBKDF2, AES-256-CBC)", item.Note);
        Assert.True(item.ContainsPrivateKey);
    }

    [Fact]
    public void Encrypted_pkcs8_in_der_is_confirmed_too()
    {
        var item = Fixture.Single("ec-p256-pkcs8-encrypted.der");

        Assert.Equal(KeyKind.EncryptedPrivateKey, item.Kind);
        Assert.Equal("PKCS#8 EncryptedPrivateKeyInfo", item.Format);
    }

    [Fact]
    public void Legacy_encrypted_pem_takes_its_algorithm_from_the_label_and_its_cipher_from_dek_info()
    {
        var item = Fixture.Single("rsa2048-legacy-encrypted.pem");

        Assert.Equal(KeyKind.EncryptedPrivateKey, item.Kind);
        Assert.Equal(KeyAlgorithm.Rsa, item.Algorithm);
        Assert.Equal("encrypted with AES-128-CBC", item.Note);
    }

    [Fact]
    public void Passphrase_protected_openssh_key_keeps_the_fingerprint_of_its_unencrypted_public_key()
    {
        var item = Fixture.Single("ed25519-openssh-encrypted");

        Assert.Equal(KeyKind.EncryptedPrivateKey, item.Kind);
        Assert.Equal(KeyAlgorithm.Ed25519, item.Algorithm);
        Assert.Equal(Fixture.ExpectedSpki["ed25519-openssh-encrypted"], item.SpkiSha256);
        Assert.StartsWith("encrypted with aes256-ctr, key derivation bcrypt", item.Note, StringComparison.Ordinal);
    }
}
