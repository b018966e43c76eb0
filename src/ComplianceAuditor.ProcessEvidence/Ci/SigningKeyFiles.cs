using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>
/// Decides, for each release signing step, whether the key it names is a file committed in the repository. The key path is
/// resolved as the command would see it from the repository root (where CI jobs start) or from the script's own folder;
/// a path built from a variable, an absolute path or a home-relative one is outside the tree.
/// </summary>
public static class SigningKeyFiles
{
    /// <summary>Only the head of a key file is read: a PEM header sits on its first line.</summary>
    private const int MaxKeyBytes = 64 * 1024;

    /// <summary>mkimage reads every <c>name.key</c> of its key folder; at most this many are opened.</summary>
    private const int MaxFolderKeys = 20;

    private static readonly string[] BinaryKeyExtensions = [".p12", ".pfx", ".der", ".p8", ".key", ".priv"];

    // CI variables that stand for the repository root; what follows them is a path inside the tree.
    private static readonly Regex RootPrefix = TextScan.Create(
        @"^(\$\{\{\s*github\.workspace\s*\}\}|\$\{?(GITHUB_WORKSPACE|CI_PROJECT_DIR|WORKSPACE|BUILD_SOURCESDIRECTORY|CIRCLE_WORKING_DIRECTORY|PWD)\}?|\$\(pwd\))/");

    private static readonly Regex PrivateKeyHeader = TextScan.Create(@"-----BEGIN ([A-Z0-9 ]+ )?PRIVATE KEY-----");
    private static readonly Regex EncryptedKey = TextScan.Create(@"-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,\s*ENCRYPTED");

    /// <summary>The custody of every release signing step in <paramref name="steps"/>, in their order.</summary>
    public static IReadOnlyList<KeyCustody> Judge(IEnumerable<CiPracticeFinding> steps, IRepositoryFiles files)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(files);
        var paths = TextScan.SortedPaths(files);
        var set = new HashSet<string>(paths, StringComparer.Ordinal);
        return [.. steps.Where(s => s.Practice == CiPractice.ReleaseSigning).Select(s => Judge(s, files, paths, set))];
    }

    private static KeyCustody Judge(CiPracticeFinding step, IRepositoryFiles files, List<string> paths, HashSet<string> set)
    {
        if (step.KeySource == SigningKeySource.HardwareOrKms)
        {
            return new KeyCustody(step, KeyCustodyKind.HardwareOrKms, null, "the key is held by an HSM, a KMS or a hardware token");
        }

        if (step.KeyFile is not { } named)
        {
            return new KeyCustody(step, KeyCustodyKind.NoKeyFile, null, "the command names no key file (a key ring, an environment variable or keyless signing)");
        }

        if (named.Contains("://", StringComparison.Ordinal) || named.StartsWith("env:", StringComparison.OrdinalIgnoreCase))
        {
            return new KeyCustody(step, KeyCustodyKind.OutsideTree, null, $"the key is a reference ({named}), not a file");
        }

        var relative = RootPrefix.Replace(named.Trim('\'', '"'), "", 1);
        if (relative.Length == 0 || relative[0] is '/' or '~' || relative.IndexOfAny(['$', '%', '`']) >= 0)
        {
            return new KeyCustody(step, KeyCustodyKind.OutsideTree, null, $"{named} is an absolute path or is built from a variable, outside the working tree");
        }

        var folder = step.Evidence.Path[..step.Evidence.Path.LastIndexOf('/')];
        foreach (var candidate in new[] { TreePath.Combine("", relative), TreePath.Combine(folder, relative) }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (step.Tool == "mkimage")
            {
                // mkimage -k names a folder and signs with the name.key files in it.
                var keys = paths.Where(p => p.StartsWith(candidate + "/", StringComparison.Ordinal) && p.EndsWith(".key", StringComparison.OrdinalIgnoreCase))
                    .Take(MaxFolderKeys).ToList();
                if (keys.Count > 0)
                {
                    // The enum runs from the safest custody to the worst: the worst key of the folder decides.
                    return keys.Select(k => Inspect(step, files, k)).OrderByDescending(c => c.Kind).First();
                }
            }
            else if (set.Contains(candidate))
            {
                return Inspect(step, files, candidate);
            }
        }

        return new KeyCustody(step, KeyCustodyKind.OutsideTree, null, $"{named} is not a file of the working tree (presumably written from a CI secret at build time)");
    }

    /// <summary>Reads the head of a committed key file to tell a private key from a public key or placeholder.</summary>
    private static KeyCustody Inspect(CiPracticeFinding step, IRepositoryFiles files, string path)
    {
        var text = TextScan.Read(files, path, MaxKeyBytes);
        if (text is null)
        {
            // PKCS#12, DER and raw key files are binary; their extension is the only sign of what they hold.
            return BinaryKeyExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
                ? new KeyCustody(step, KeyCustodyKind.Committed, path, "a binary key file (PKCS#12, DER or raw key) committed in the repository")
                : new KeyCustody(step, KeyCustodyKind.CommittedUnreadable, path, "a file of the working tree that could not be read as text");
        }

        if (!TextScan.IsMatch(PrivateKeyHeader, text))
        {
            return new KeyCustody(step, KeyCustodyKind.CommittedWithoutKey, path, "a committed file without a private key (a public key, certificate or placeholder)");
        }

        return new KeyCustody(step, KeyCustodyKind.Committed, path, TextScan.IsMatch(EncryptedKey, text)
            ? "an encrypted PEM private key committed in the repository (its passphrase is then all that protects it)"
            : "a PEM private key committed in the repository");
    }
}
