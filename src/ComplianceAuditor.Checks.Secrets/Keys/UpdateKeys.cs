using System.Runtime.CompilerServices;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.KeyMaterial;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>
/// The public keys an image trusts for its updates, by SPKI fingerprint, with the file each came from: the places
/// where SWUpdate, RAUC, Mender, opkg/usign, fwupd and vendor OTA agents keep their verification keys. A private key
/// elsewhere in the image whose public half is one of these signs updates every unit accepts. Found once per target
/// and cached against the inventory; only small files at those places are read.
/// </summary>
internal static class UpdateKeys
{
    private const long MaxFileBytes = 1 << 20;

    private static readonly PathGlob[] Places =
    [
        .. new[]
        {
            "**/etc/swupdate/**", "**/swupdate*.pem", "**/swupdate*.crt", "**/etc/rauc/**", "**/etc/mender/**",
            "**/etc/opkg/keys/**", "**/usign/**", "**/etc/fwupd/**", "**/*ota*.pem", "**/*ota*.pub", "**/*update*.pem",
            "**/*update*.pub", "**/*upgrade*.pem", "**/*firmware*.pem", "**/*signing*.pem", "**/*signing*.pub",
        }.Select(p => new PathGlob(p)),
    ];

    private static readonly ConditionalWeakTable<TargetInventory, Lazy<IReadOnlyDictionary<string, string>>> Cache = [];

    public static IReadOnlyDictionary<string, string> For(TargetInventory inventory) =>
        Cache.GetValue(inventory, i => new Lazy<IReadOnlyDictionary<string, string>>(() => Find(i), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static Dictionary<string, string> Find(TargetInventory inventory)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var artifacts = inventory.Artifacts;
        var paths = artifacts as IArtifactPaths;
        for (var i = 0; i < artifacts.Count; i++)
        {
            var relative = paths?.RelativePathAt(i) ?? artifacts[i].RelativePath;
            if (!Places.Any(p => p.IsMatch(relative)))
            {
                continue;
            }

            var artifact = artifacts[i];
            if (artifact.Content is not { } content || artifact.Size > MaxFileBytes || artifact.Kind is ArtifactKind.Directory or ArtifactKind.Symlink)
            {
                continue;
            }

            try
            {
                using var stream = content.OpenRead();
                var bytes = new byte[artifact.Size];
                var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                foreach (var item in KeyMaterialFinder.Find(bytes.AsSpan(0, read)).Items)
                {
                    foreach (var fingerprint in KeyDescription.Fingerprints(item))
                    {
                        keys.TryAdd(fingerprint, artifact.Path);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable key file is one comparison fewer; the private key is still reported on its own.
            }
        }

        return keys;
    }
}
