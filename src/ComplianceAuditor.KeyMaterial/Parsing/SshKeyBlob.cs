using System.Text;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// Checks SSH key blobs field by field before BouncyCastle reads them: a known key type, the number of fields that
/// type has, and no field longer than a 16384-bit number, so no arithmetic on a huge number read from the file runs.
/// </summary>
internal static class SshKeyBlob
{
    private const int MaxField = 2050;

    /// <summary>A public key blob: string type, then the type's public fields and nothing after them.</summary>
    public static bool TryCheckPublic(ReadOnlySpan<byte> blob, out string type)
    {
        type = string.Empty;
        var position = 0;
        if (!SshWire.TryReadString(blob, ref position, 64, out var typeBytes))
        {
            return false;
        }

        type = Encoding.ASCII.GetString(typeBytes);
        var fields = PublicFieldCount(type);
        return fields > 0 && TrySkipFields(blob, ref position, fields) && position == blob.Length;
    }

    /// <summary>The private part of an openssh-key-v1 section after its check integers: type, fields, comment.</summary>
    public static bool TryCheckPrivate(ReadOnlySpan<byte> section, ref int position)
    {
        if (!SshWire.TryReadString(section, ref position, 64, out var typeBytes))
        {
            return false;
        }

        var fields = Encoding.ASCII.GetString(typeBytes) switch
        {
            "ssh-rsa" => 6,
            "ssh-dss" => 5,
            "ssh-ed25519" or "ssh-ed448" => 2,
            var t when t.StartsWith("ecdsa-sha2-", StringComparison.Ordinal) => 3,
            _ => 0,
        };
        return fields > 0 && TrySkipFields(section, ref position, fields) && SshWire.TryReadString(section, ref position, 4096, out _);
    }

    private static int PublicFieldCount(string type) => type switch
    {
        "ssh-rsa" => 2,
        "ssh-dss" => 4,
        "ssh-ed25519" or "ssh-ed448" => 1,
        "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521" => 2,
        _ => 0,
    };

    private static bool TrySkipFields(ReadOnlySpan<byte> data, ref int position, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!SshWire.TryReadString(data, ref position, MaxField, out _))
            {
                return false;
            }
        }

        return true;
    }
}
