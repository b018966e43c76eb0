using System.Security.Cryptography;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Configuration.Scanning;

/// <summary>
/// Checks the keys and certificates an updater trusts against the catalogue of published test keys: a device that
/// trusts one installs whatever anyone signs with it (CHK-UPD-04, reported here because the keyring is found here).
/// </summary>
internal static class TrustedKeyScreen
{
    public const string TestKeyCode = "trusted-key-is-published-test-key";
    public const string MissingKeyCode = "trusted-key-file-missing";

    private const int MaxKeyFileBytes = 256 * 1024;
    private const int MaxFiles = 64;

    /// <summary>Weaknesses for the key files among <paramref name="paths"/> that hold a published test key.</summary>
    public static IEnumerable<UpdateWeakness> Screen(ScanContext context, IEnumerable<string> paths)
    {
        foreach (var path in paths.Where(context.Exists).Take(MaxFiles))
        {
            if (context.Bytes(path, MaxKeyFileBytes) is not { } bytes || Load(path, bytes) is not { } anchors)
            {
                continue;
            }

            foreach (var key in anchors.Keys)
            {
                if (KnownTestKeys.Find(key.SpkiSha256) is { } known)
                {
                    var origin = known.Origins.Count > 0 ? $"{known.Origins[0].Repository}:{known.Origins[0].Path}" : "a public repository";
                    yield return new UpdateWeakness(TestKeyCode, $"{key.Name} is the published test key {known.Type} from {origin}");
                }
            }
        }
    }

    /// <summary>Weaknesses for trusted key paths the configuration names but the view does not hold.</summary>
    public static IEnumerable<UpdateWeakness> Missing(ScanContext context, IEnumerable<string> paths, string configuredIn) =>
        paths.Where(p => !context.Exists(p) && !context.Under(p).Any())
            .Select(p => new UpdateWeakness(MissingKeyCode, $"{configuredIn} names {p}, which is not in the file system"));

    private static TrustAnchors? Load(string path, byte[] bytes)
    {
        try
        {
            return TrustAnchors.Load([(path, bytes)]);
        }
        catch (Exception e) when (e is TrustAnchorException or CryptographicException or FormatException or ArgumentException)
        {
            // Not a key we can read (a GPG keyring, a usign key, garbage): nothing to compare.
            return null;
        }
    }
}
