using System.Text;

namespace ComplianceAuditor.Update.Bundles.OpenWrt;

/// <summary>
/// usign (OpenWrt's signify-compatible tool) keys and signatures: an "untrusted comment:" line, then base64 of the
/// algorithm "Ed", an 8-byte key number, and the 32-byte public key or 64-byte Ed25519 signature. The key number,
/// in hex, is how usign names a key (the file names under /etc/opkg/keys).
/// </summary>
public static class UsignKeys
{
    private static readonly byte[] Ed25519SpkiPrefix = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00];

    /// <summary>
    /// Reads a usign public key file as a SubjectPublicKeyInfo, so that it can be a trust anchor; false when the
    /// text is not one.
    /// </summary>
    public static bool TryReadPublicKey(ReadOnlySpan<byte> file, out byte[] spki, out string keyId)
    {
        spki = [];
        keyId = string.Empty;
        if (Decode(file, 2 + 8 + 32) is not { } blob)
        {
            return false;
        }

        keyId = Convert.ToHexStringLower(blob.AsSpan(2, 8));
        spki = [.. Ed25519SpkiPrefix, .. blob.AsSpan(10, 32)];
        return true;
    }

    /// <summary>Reads a usign signature: the key number (hex) and the 64-byte Ed25519 signature, or null.</summary>
    internal static (string KeyId, byte[] Signature)? TryReadSignature(ReadOnlySpan<byte> file) =>
        Decode(file, 2 + 8 + 64) is { } blob ? (Convert.ToHexStringLower(blob.AsSpan(2, 8)), blob[10..]) : null;

    /// <summary>The base64 line after the comment, decoded, when it is <paramref name="length"/> bytes starting "Ed".</summary>
    private static byte[]? Decode(ReadOnlySpan<byte> file, int length)
    {
        if (file.Length > 4096 || !file.StartsWith("untrusted comment:"u8))
        {
            return null;
        }

        var lines = Encoding.ASCII.GetString(file).Split('\n');
        if (lines.Length < 2)
        {
            return null;
        }

        try
        {
            var blob = Convert.FromBase64String(lines[1].Trim());
            return blob.Length == length && blob[0] == (byte)'E' && blob[1] == (byte)'d' ? blob : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
