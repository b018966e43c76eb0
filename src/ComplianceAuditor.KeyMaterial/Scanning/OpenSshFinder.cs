using System.Buffers;

namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>
/// Finds binary OpenSSH private keys (<c>openssh-key-v1\0</c>, as in PROTOCOL.key) and OpenSSH public key lines
/// (<c>ssh-ed25519 AAAA...</c>, as in authorized_keys and <c>.pub</c> files).
/// </summary>
internal static class OpenSshFinder
{
    /// <summary>Public key types read here; FIDO (<c>sk-</c>) and certificate types are not keys this tool judges.</summary>
    private static readonly string[] PublicKeyTypes =
        ["ssh-rsa", "ssh-dss", "ssh-ed25519", "ssh-ed448", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"];

    private static readonly SearchValues<byte> Base64Bytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="u8);

    private static readonly SearchValues<byte> TypeBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-@."u8);

    public static ReadOnlySpan<byte> BinaryMagic => "openssh-key-v1\0"u8;

    private static ReadOnlySpan<byte> SshPrefix => "ssh-"u8;

    private static ReadOnlySpan<byte> EcdsaPrefix => "ecdsa-sha2-"u8;

    public static void Find(ReadOnlySpan<byte> data, int from, int to, CandidateSink sink)
    {
        for (var hit = Anchor.Next(data, from, to, BinaryMagic); hit >= 0; hit = Anchor.Next(data, hit + 1, to, BinaryMagic))
        {
            var length = MeasureBinary(data, hit);
            if (length > 0 && !sink.Add(hit, length, CandidateEncoding.OpenSsh))
            {
                return;
            }
        }

        if (!FindLines(data, from, to, SshPrefix, sink))
        {
            return;
        }

        FindLines(data, from, to, EcdsaPrefix, sink);
    }

    /// <summary>Walks magic, cipher, KDF, KDF options, key count (always 1), public key and private section.</summary>
    private static int MeasureBinary(ReadOnlySpan<byte> data, int start)
    {
        var position = start + BinaryMagic.Length;
        var ok = SshWire.TryReadString(data, ref position, 64, out var cipher) && !cipher.IsEmpty
            && SshWire.TryReadString(data, ref position, 64, out var kdf) && !kdf.IsEmpty
            && SshWire.TryReadString(data, ref position, 1024, out _)
            && SshWire.TryReadUInt32(data, ref position, out var keyCount) && keyCount == 1
            && SshWire.TryReadString(data, ref position, 8192, out var publicKey) && publicKey.Length >= 16
            && SshWire.TryReadString(data, ref position, KeyCandidateScanner.MaxCandidateLength, out var privateSection)
            && privateSection.Length >= 8;
        var length = position - start;
        return ok && length <= KeyCandidateScanner.MaxCandidateLength ? length : 0;
    }

    private static bool FindLines(ReadOnlySpan<byte> data, int from, int to, ReadOnlySpan<byte> prefix, CandidateSink sink)
    {
        for (var hit = Anchor.Next(data, from, to, prefix); hit >= 0; hit = Anchor.Next(data, hit + 1, to, prefix))
        {
            var length = MeasureLine(data, hit);
            if (length > 0 && !sink.Add(hit, length, CandidateEncoding.SshPublicLine))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A known type token standing alone, blanks, then base64 that starts like an SSH string ("AAAA").</summary>
    private static int MeasureLine(ReadOnlySpan<byte> data, int start)
    {
        if (start > 0 && TypeBytes.Contains(data[start - 1]))
        {
            return 0;
        }

        var rest = data[start..Math.Min(data.Length, start + KeyCandidateScanner.MaxCandidateLength)];
        var typeLength = rest.IndexOfAnyExcept(TypeBytes);
        if (typeLength <= 0 || !IsKnownType(rest[..typeLength]))
        {
            return 0;
        }

        var blanks = rest[typeLength..].IndexOfAnyExcept((byte)' ', (byte)'\t');
        if (blanks <= 0)
        {
            return 0;
        }

        var base64Start = typeLength + blanks;
        var base64 = rest[base64Start..];
        if (!base64.StartsWith("AAAA"u8))
        {
            return 0;
        }

        var base64Length = base64.IndexOfAnyExcept(Base64Bytes);
        if (base64Length < 0)
        {
            base64Length = base64.Length;
        }

        return base64Length >= 24 ? base64Start + base64Length : 0;
    }

    private static bool IsKnownType(ReadOnlySpan<byte> token)
    {
        foreach (var type in PublicKeyTypes)
        {
            if (token.Length == type.Length && System.Text.Ascii.Equals(token, type))
            {
                return true;
            }
        }

        return false;
    }
}
