using ComplianceAuditor.Engine;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>
/// <c>find: readable-private-keys</c>: a private key in a file any local user may read (the "other" read bit of its
/// mode, as the image records it). Whatever else protects the key, every process on the device, a compromised web
/// server included, can then take it. Files whose mode the image does not record (a FAT or raw partition) cannot
/// be judged, and the result says so rather than passing.
/// </summary>
internal sealed class ReadableKeyFinding : IKeyFinding
{
    private const int OtherRead = 0x4;

    public IReadOnlyList<(KeyMaterialItem Item, string Reason)> Judge(IReadOnlyList<KeyMaterialItem> items, CheckContext context)
    {
        if (ModeOf(context) is not { } mode || (mode & OtherRead) == 0)
        {
            return [];
        }

        return items.Where(i => i.ContainsPrivateKey)
            .Select(i => (i, $"{KeyDescription.Of(i)} in a file every user can read"))
            .ToArray();
    }

    /// <summary>
    /// The mode the image records for an extracted file, else that of the file in the unpacked tree on disk (an
    /// audited root file system is usually unpacked with its modes kept).
    /// </summary>
    private static int? ModeOf(CheckContext context)
    {
        if (context.Artifact.Mode is { } recorded)
        {
            return recorded;
        }

        if (OperatingSystem.IsWindows() || context.Artifact.Content?.LocalPath is not { } path)
        {
            return null;
        }

        try
        {
            return (int)File.GetUnixFileMode(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public string PassWith(int items) => $"{items} key or certificate item(s); no private key in a file other users can read";

    /// <summary>Why the rule cannot decide, or null: the mode is unknown while there is a private key to judge.</summary>
    public static string? Undecided(IReadOnlyList<KeyMaterialItem> items, CheckContext context) =>
        ModeOf(context) is null && items.Any(i => i.ContainsPrivateKey)
            ? "the file holds a private key, but its permissions are not recorded where it was found"
            : null;
}
