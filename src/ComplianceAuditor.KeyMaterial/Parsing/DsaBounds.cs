using System.Text;
using Org.BouncyCastle.Asn1.X509;
using ComplianceAuditor.KeyMaterial.Scanning;
using Org.BouncyCastle.Asn1.X9;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// BouncyCastle validates a DSA public key by raising it to the power q modulo p; with p and q of some 16,000 bits
/// (all a hostile file needs to declare) that takes seconds per key, and a file can hold thousands. Real DSA keys have
/// p of at most 3,072 bits and q of at most 256, so parameters far beyond those are rejected before BouncyCastle
/// sees them.
/// </summary>
internal static class DsaBounds
{
    public const int MaxPBits = 8192;
    public const int MaxQBits = 512;

    /// <summary>Why the DSA key of <paramref name="spki"/> is too large to be read, or null (also for other algorithms).</summary>
    public static string? Check(SubjectPublicKeyInfo spki)
    {
        if (!spki.Algorithm.Algorithm.Equals(X9ObjectIdentifiers.IdDsa) || spki.Algorithm.Parameters is null)
        {
            return null;
        }

        var parameters = DsaParameter.GetInstance(spki.Algorithm.Parameters);
        return Check(parameters.P.BitLength, parameters.Q.BitLength);
    }

    /// <summary>The same for an SSH <c>ssh-dss</c> blob (type, p, q, g, y as SSH strings).</summary>
    public static string? CheckSsh(ReadOnlySpan<byte> blob)
    {
        var position = 0;
        if (!SshWire.TryReadString(blob, ref position, 64, out var type) || Encoding.ASCII.GetString(type) != "ssh-dss")
        {
            return null;
        }

        return SshWire.TryReadString(blob, ref position, int.MaxValue, out var p) && SshWire.TryReadString(blob, ref position, int.MaxValue, out var q)
            ? Check(p.Length * 8, q.Length * 8)
            : "SSH DSA key blob is truncated";
    }

    private static string? Check(int pBits, int qBits) =>
        pBits > MaxPBits + 8 || qBits > MaxQBits + 8
            ? $"DSA parameters of {pBits} and {qBits} bits are larger than any real key; not read"
            : null;
}
