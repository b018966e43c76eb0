using ComplianceAuditor.Checks.Secrets.Scanning;
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

    private static readonly PerTarget<IReadOnlyDictionary<string, string>> Cache = new(Find);

    public static IReadOnlyDictionary<string, string> For(TargetInventory inventory) => Cache.For(inventory);

    private static Dictionary<string, string> Find(TargetInventory inventory)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, artifact) in TargetFiles.Matching(inventory, relative => Places.Any(p => p.IsMatch(relative)), MaxFileBytes))
        {
            // An unreadable key file is one comparison fewer; the private key is still reported on its own.
            if (TargetFiles.Read(artifact) is not { } bytes)
            {
                continue;
            }

            foreach (var fingerprint in KeyMaterialFinder.Find(bytes).Items.SelectMany(KeyDescription.Fingerprints))
            {
                keys.TryAdd(fingerprint, artifact.Path);
            }
        }

        return keys;
    }
}
