using System.Globalization;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>The fields of a PuTTY key file's text.</summary>
internal sealed class PuttyText
{
    private const string Magic = "PuTTY-User-Key-File-";

    public int Version { get; private init; }

    public string Algorithm { get; private init; } = string.Empty;

    public string Encryption { get; private init; } = string.Empty;

    public string Comment { get; private init; } = string.Empty;

    public byte[] PublicBlob { get; private init; } = [];

    public byte[] PrivateBlob { get; private init; } = [];

    public string MacHex { get; private init; } = string.Empty;

    public static bool TryParse(string text, out PuttyText ppk, out string reason)
    {
        ppk = new PuttyText();
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        byte[]? publicBlob = null;
        byte[]? privateBlob = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = lines[i][..colon];
            var value = lines[i][(colon + 2)..].Trim();
            fields[name] = value;
            if (name is "Public-Lines" or "Private-Lines")
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > lines.Length - i - 1
                    || !TryDecode(lines.AsSpan(i + 1, count), out var blob))
                {
                    reason = "PuTTY " + name + " is not followed by that many lines of base64";
                    return false;
                }

                (publicBlob, privateBlob) = name == "Public-Lines" ? (blob, privateBlob) : (publicBlob, blob);
                i += count;
            }
        }

        var header = fields.Keys.FirstOrDefault(key => key.StartsWith(Magic, StringComparison.Ordinal));
        var version = header is null ? 0 : header[Magic.Length..] switch { "2" => 2, "3" => 3, _ => 0 };
        if (version == 0 || publicBlob is null || privateBlob is null || !fields.TryGetValue("Encryption", out var encryption)
            || !fields.TryGetValue("Private-MAC", out var mac))
        {
            reason = version == 0 ? "not a PuTTY key file of version 2 or 3" : "PuTTY key file lacks a required field";
            return false;
        }

        ppk = new PuttyText
        {
            Version = version,
            Algorithm = fields[header!],
            Encryption = encryption,
            Comment = fields.GetValueOrDefault("Comment", string.Empty),
            PublicBlob = publicBlob,
            PrivateBlob = privateBlob,
            MacHex = mac,
        };
        reason = string.Empty;
        return true;
    }

    private static bool TryDecode(ReadOnlySpan<string> lines, out byte[] blob)
    {
        var base64 = string.Concat(lines.ToArray()).Trim();
        blob = new byte[(base64.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(base64, blob, out var written))
        {
            return false;
        }

        blob = blob.AsSpan(0, written).ToArray();
        return true;
    }
}
