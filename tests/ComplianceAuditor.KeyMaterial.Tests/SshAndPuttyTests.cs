using System.Text;
using ComplianceAuditor.KeyMaterial.Parsing;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Tests;

public sealed class SshAndPuttyTests
{
    [Theory]
    [InlineData("ed25519-openssh.pub", KeyAlgorithm.Ed25519, 256)]
    [InlineData("rsa2048-openssh.pub", KeyAlgorithm.Rsa, 2048)]
    [InlineData("ecdsa-p256-openssh.pub", KeyAlgorithm.Ec, 256)]
    public void Public_key_line_is_confirmed(string name, KeyAlgorithm algorithm, int bits)
    {
        var item = Fixture.Single(name);

        Assert.Equal(KeyKind.PublicKey, item.Kind);
        Assert.Equal((algorithm, bits), (item.Algorithm, item.Bits));
        Assert.False(item.ContainsPrivateKey);
    }

    [Fact]
    public void Public_key_line_whose_blob_names_another_type_is_rejected()
    {
        var line = Encoding.ASCII.GetString(Fixture.Bytes("ed25519-openssh.pub")).Replace("ssh-ed25519", "ssh-rsa", StringComparison.Ordinal);
        var data = Encoding.ASCII.GetBytes(line);

        var result = KeyMaterialParser.TryParse(data, Assert.Single(Fixture.Candidates(data)));

        Assert.Equal(KeyParseStatus.Rejected, result.Status);
    }

    [Theory]
    [InlineData("ed25519-v3.ppk", KeyAlgorithm.Ed25519, "PuTTY v3")]
    [InlineData("rsa2048-v2.ppk", KeyAlgorithm.Rsa, "PuTTY v2")]
    public void Unencrypted_putty_key_with_a_valid_mac_is_a_private_key(string name, KeyAlgorithm algorithm, string format)
    {
        var item = Fixture.Single(name);

        Assert.Equal(KeyKind.PrivateKey, item.Kind);
        Assert.Equal(algorithm, item.Algorithm);
        Assert.Equal(format, item.Format);
    }

    [Fact]
    public void Passphrase_protected_putty_key_is_an_encrypted_private_key()
    {
        var item = Fixture.Single("ed25519-v3-encrypted.ppk");

        Assert.Equal(KeyKind.EncryptedPrivateKey, item.Kind);
        Assert.Equal("encrypted with aes256-cbc", item.Note);
    }

    [Fact]
    public void Putty_key_with_an_altered_comment_fails_its_mac_and_is_rejected()
    {
        var text = Encoding.ASCII.GetString(Fixture.Bytes("ed25519-v3.ppk")).Replace("Comment: ", "Comment: x", StringComparison.Ordinal);
        var data = Encoding.ASCII.GetBytes(text);

        var result = KeyMaterialParser.TryParse(data, Assert.Single(Fixture.Candidates(data)));

        Assert.Equal(KeyParseStatus.Rejected, result.Status);
        Assert.Contains("Private-MAC", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Openssh_key_whose_private_part_does_not_match_its_public_part_is_rejected()
    {
        var a = OpenSshBlob("ed25519-openssh");
        var b = OpenSshBlob("ed25519-openssh-encrypted");

        // Put the public key of another key pair in front of this private section (same length for Ed25519).
        var publicAt = a.AsSpan().IndexOf("ssh-ed25519"u8) - 4;
        var otherPublicAt = b.AsSpan().IndexOf("ssh-ed25519"u8) - 4;
        b.AsSpan(otherPublicAt, 51).CopyTo(a.AsSpan(publicAt));

        var result = KeyMaterialParser.TryParse(a, new KeyCandidate(0, a.Length, CandidateEncoding.OpenSsh));

        Assert.Equal(KeyParseStatus.Rejected, result.Status);
        Assert.Contains("does not match", result.Reason, StringComparison.Ordinal);
    }

    private static byte[] OpenSshBlob(string name)
    {
        var lines = Encoding.ASCII.GetString(Fixture.Bytes(name)).Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        return Convert.FromBase64String(string.Concat(lines));
    }
}
