using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.KeyMaterial.Scanning;
using Org.BouncyCastle.Crypto.Utilities;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// OpenSSH private keys (openssh-key-v1, PROTOCOL.key). The public key is stored unencrypted next to the private
/// section, so even a passphrase-protected key has a known fingerprint.
/// </summary>
internal static class OpenSshKeyReader
{
    public static Verdict Read(ReadOnlySpan<byte> blob)
    {
        var position = OpenSshFinder.BinaryMagic.Length;
        if (!blob.StartsWith(OpenSshFinder.BinaryMagic)
            || !SshWire.TryReadString(blob, ref position, 64, out var cipher)
            || !SshWire.TryReadString(blob, ref position, 64, out var kdf)
            || !SshWire.TryReadString(blob, ref position, 1024, out _)
            || !SshWire.TryReadUInt32(blob, ref position, out var keyCount) || keyCount != 1
            || !SshWire.TryReadString(blob, ref position, 8192, out var publicBlob)
            || !SshWire.TryReadString(blob, ref position, KeyCandidateScanner.MaxCandidateLength, out var section))
        {
            return Verdict.Reject("OpenSSH private key structure is truncated or malformed");
        }

        if (!SshKeyBlob.TryCheckPublic(publicBlob, out var type))
        {
            return Verdict.Reject("OpenSSH private key holds an unsupported or malformed public key");
        }

        var cipherName = Encoding.ASCII.GetString(cipher);
        if (cipherName != "none")
        {
            var encrypted = SshPublicKeys.Describe(publicBlob, KeyKind.EncryptedPrivateKey, "OpenSSH");
            return encrypted.Item is { } item
                ? Verdict.Of(item with { Note = "encrypted with " + cipherName + ", key derivation " + Encoding.ASCII.GetString(kdf) })
                : encrypted;
        }

        // Unencrypted: the two check integers are equal, then come the key's fields in bounded sizes.
        var fieldsAt = 8;
        if (section.Length < 8 || BinaryPrimitives.ReadUInt32BigEndian(section) != BinaryPrimitives.ReadUInt32BigEndian(section[4..])
            || !SshKeyBlob.TryCheckPrivate(section, ref fieldsAt))
        {
            return Verdict.Reject("OpenSSH private section is malformed (check integers differ or fields are oversized)");
        }

        var expected = SshPublicKeys.Describe(publicBlob, KeyKind.PrivateKey, "OpenSSH");
        var verdict = type == "ssh-rsa"
            ? ReadRsa(section[8..])
            : PrivateKeyReader.Describe(OpenSshPrivateKeyUtilities.ParsePrivateKeyBlob(blob[..position].ToArray()), "OpenSSH");
        if (verdict.Item is { } key && key.SpkiSha256 != expected.Item?.SpkiSha256)
        {
            return Verdict.Reject("OpenSSH private key does not match the public key stored with it");
        }

        return verdict;
    }

    /// <summary>The RSA fields: string type, mpints n, e, d, iqmp, p, q; p times q must be n.</summary>
    private static Verdict ReadRsa(ReadOnlySpan<byte> fields)
    {
        var position = 0;
        var numbers = new Org.BouncyCastle.Math.BigInteger[6];
        SshWire.TryReadString(fields, ref position, 64, out _);
        for (var i = 0; i < numbers.Length; i++)
        {
            SshWire.TryReadString(fields, ref position, 2050, out var value);
            numbers[i] = SshPublicKeys.Mpint(value);
        }

        return RsaKeys.Consistent(numbers[0], numbers[4], numbers[5])
            ? RsaKeys.Item(KeyKind.PrivateKey, "OpenSSH", numbers[0], numbers[1])
            : Verdict.Reject("RSA private key is inconsistent: p times q is not the modulus");
    }
}
