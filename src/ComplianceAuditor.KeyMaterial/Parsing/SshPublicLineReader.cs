using System.Buffers;
using System.Text;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>One OpenSSH public key line: <c>type base64 [comment]</c>; the blob inside must name the same type.</summary>
internal static class SshPublicLineReader
{
    private static readonly SearchValues<byte> Blanks = SearchValues.Create(" \t"u8);

    public static Verdict Read(ReadOnlySpan<byte> line)
    {
        var typeEnd = line.IndexOfAny(Blanks);
        if (typeEnd <= 0)
        {
            return Verdict.Reject("SSH public key line without a key type");
        }

        var rest = line[typeEnd..].TrimStart(" \t"u8);
        var end = rest.IndexOfAny(Blanks);
        var base64 = Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
        var blob = new byte[(base64.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(base64, blob, out var written))
        {
            return Verdict.Reject("SSH public key line is not valid base64");
        }

        var key = blob.AsSpan(0, written);
        if (!SshKeyBlob.TryCheckPublic(key, out var type) || type != Encoding.ASCII.GetString(line[..typeEnd]))
        {
            return Verdict.Reject("SSH public key blob is malformed or names another key type");
        }

        return SshPublicKeys.Describe(key, KeyKind.PublicKey, "OpenSSH public key");
    }
}
