using ComplianceAuditor.Checks.Secrets.Accounts;
using ComplianceAuditor.Checks.Secrets.Scanning;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Secrets;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Credentials.Hashes;
using ComplianceAuditor.KeyMaterial;

namespace ComplianceAuditor.Checks.Secrets.Comparison;

/// <summary>
/// The secrets of one target that must differ from unit to unit and from release to release: password hashes (an
/// identical salted hash means the same password copied, not chosen twice), SSH and Dropbear host keys, and private
/// keys in key files. Each is known by a hash of its value, never the value, with the place it was found. Collected
/// once per target and cached against the inventory; only account files, host keys and small key files are read.
/// </summary>
internal static class TargetSecrets
{
    private const long MaxFileBytes = 1 << 20;

    private static readonly PathGlob[] HostKeys =
        [new("**/etc/ssh/ssh_host_*_key"), new("**/etc/dropbear/dropbear_*_host_key"), new("**/dropbear_*_host_key")];

    private static readonly PathGlob[] KeyFiles =
        [new("*.key"), new("*.pem"), new("*.p12"), new("*.pfx"), new("**/private/**"), new("*_rsa"), new("*_ed25519"), new("*_ecdsa")];

    private static readonly PerTarget<IReadOnlyList<SecretSighting>> Cache = new(Collect);

    public static IReadOnlyList<SecretSighting> For(TargetInventory inventory) => Cache.For(inventory);

    private static List<SecretSighting> Collect(TargetInventory inventory)
    {
        var found = new List<SecretSighting>();
        var wanted = (string relative) => AccountTable.FormatOf(relative) is not null || IsHostKey(relative) || KeyFiles.Any(g => g.IsMatch(relative));
        foreach (var (relative, artifact) in TargetFiles.Matching(inventory, wanted, MaxFileBytes))
        {
            if (AccountTable.FormatOf(relative) is not null)
            {
                found.AddRange(PasswordHashes(artifact));
            }
            else if (TargetFiles.Read(artifact) is { } bytes)
            {
                // An unreadable file is one comparison fewer; its own rules report that it could not be read.
                found.AddRange(Keys(artifact, bytes, IsHostKey(relative)));
            }
        }

        return found;
    }

    private static bool IsHostKey(string relative) => HostKeys.Any(g => g.IsMatch(relative));

    private static IEnumerable<SecretSighting> PasswordHashes(Artifact artifact) =>
        AccountTable.Read(artifact).Accounts
            .Where(a => a.Hash.Scheme is not (HashScheme.Empty or HashScheme.Locked or HashScheme.Shadowed or HashScheme.Malformed))
            .Select(a => new SecretSighting(SecretText.Identify(a.Hash.Text), $"the password hash of '{a.Name}'", artifact.Path));

    private static IEnumerable<SecretSighting> Keys(Artifact artifact, byte[] bytes, bool hostKey)
    {
        if (hostKey)
        {
            // Dropbear's own key format is not PEM; the whole file is the secret either way.
            return [new SecretSighting(SecretText.Identify(bytes), "an SSH host key", artifact.Path)];
        }

        return KeyMaterialFinder.Find(bytes).Items
            .Where(k => k.ContainsPrivateKey)
            .Select(k => new SecretSighting(
                k.SpkiSha256 is { } spki ? "spki:" + spki : SecretText.Identify(bytes.AsSpan((int)k.Offset, k.Length)),
                "a private key",
                artifact.Path));
    }
}

/// <summary>One secret of a target: its identity (a hash, never the value), what it is, and where it lies.</summary>
internal sealed record SecretSighting(string Id, string What, string Path);
