using System.Text;
using ComplianceAuditor.KeyMaterial.Scanning;
using Org.BouncyCastle.Crypto.Utilities;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>SSH public key blobs (RFC 4253 6.6): RSA read from its two numbers, the other types through BouncyCastle.</summary>
internal static class SshPublicKeys
{
    /// <summary>Describes a blob that <see cref="SshKeyBlob.TryCheckPublic"/> accepted.</summary>
    public static Verdict Describe(ReadOnlySpan<byte> blob, KeyKind kind, string format)
    {
        var position = 0;
        if (!SshWire.TryReadString(blob, ref position, 64, out var type))
        {
            return Verdict.Reject("SSH key blob without a type");
        }

        if (Encoding.ASCII.GetString(type) == "ssh-rsa")
        {
            return SshWire.TryReadString(blob, ref position, 2050, out var exponent)
                && SshWire.TryReadString(blob, ref position, 2050, out var modulus)
                ? RsaKeys.Item(kind, format, Mpint(modulus), Mpint(exponent))
                : Verdict.Reject("SSH RSA key blob is truncated");
        }

        return DsaBounds.CheckSsh(blob) is { } tooLarge
            ? Verdict.Reject(tooLarge)
            : Verdict.Of(PublicKeyFacts.Item(kind, format, OpenSshPublicKeyUtilities.ParsePublicKey(blob.ToArray())));
    }

    /// <summary>An SSH mpint: two's complement, big-endian.</summary>
    public static BigInteger Mpint(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? BigInteger.Zero : new BigInteger(bytes.ToArray());
}
