using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// PuTTY <c>.ppk</c> files, versions 2 and 3. The public blob is never encrypted, so it gives the key's facts; an
/// unencrypted file is confirmed as a private key only when its <c>Private-MAC</c> verifies, which proves the private
/// blob belongs to that public key and is intact.
/// </summary>
internal static class PuttyKeyReader
{
    public static Verdict Read(ReadOnlySpan<byte> candidate)
    {
        if (!PuttyText.TryParse(Encoding.ASCII.GetString(candidate), out var ppk, out var reason))
        {
            return Verdict.Reject(reason);
        }

        if (!SshKeyBlob.TryCheckPublic(ppk.PublicBlob, out var type) || type != ppk.Algorithm)
        {
            return Verdict.Reject("PuTTY public blob is malformed or names another key type");
        }

        var format = "PuTTY v" + ppk.Version.ToString(CultureInfo.InvariantCulture);
        if (ppk.Encryption != "none")
        {
            var encrypted = SshPublicKeys.Describe(ppk.PublicBlob, KeyKind.EncryptedPrivateKey, format);
            return encrypted.Item is { } item ? Verdict.Of(item with { Note = "encrypted with " + ppk.Encryption }) : encrypted;
        }

        return MacVerifies(ppk)
            ? SshPublicKeys.Describe(ppk.PublicBlob, KeyKind.PrivateKey, format)
            : Verdict.Reject("PuTTY Private-MAC does not verify: the file was altered or is corrupt");
    }

    /// <summary>
    /// The MAC covers algorithm, encryption, comment, public and private blob, each as an SSH string. Version 2 keys
    /// HMAC-SHA-1 with SHA-1("putty-private-key-file-mac-key" + passphrase); version 3 uses HMAC-SHA-256 whose key,
    /// for an unencrypted file, is empty.
    /// </summary>
    private static bool MacVerifies(PuttyText ppk)
    {
        var data = new List<byte>();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in new[]
        {
            Encoding.ASCII.GetBytes(ppk.Algorithm), Encoding.ASCII.GetBytes(ppk.Encryption), Encoding.UTF8.GetBytes(ppk.Comment),
            ppk.PublicBlob, ppk.PrivateBlob,
        })
        {
            BinaryPrimitives.WriteInt32BigEndian(length, field.Length);
            data.AddRange(length.ToArray());
            data.AddRange(field);
        }

        byte[] mac;
        if (ppk.Version == 2)
        {
#pragma warning disable CA5350 // SHA-1 is what the PuTTY v2 format defines for this integrity check; it protects nothing here.
            var key = SHA1.HashData("putty-private-key-file-mac-key"u8);
            mac = HMACSHA1.HashData(key, data.ToArray());
#pragma warning restore CA5350
        }
        else
        {
            mac = HMACSHA256.HashData(Array.Empty<byte>(), data.ToArray());
        }

        return Convert.ToHexStringLower(mac).Equals(ppk.MacHex, StringComparison.OrdinalIgnoreCase);
    }
}
