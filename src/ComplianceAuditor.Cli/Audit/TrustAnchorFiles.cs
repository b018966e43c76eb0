using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Cli.Audit;

/// <summary>Reads the <c>--public-key</c> files; a missing or unusable one stops the audit with its name.</summary>
internal static class TrustAnchorFiles
{
    /// <summary>Key files are small; anything larger is not one, and is not read whole.</summary>
    private const long MaxBytes = 1 << 20;

    public static TrustAnchors Load(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return TrustAnchors.Empty;
        }

        var files = new List<(string, byte[])>();
        foreach (var path in paths)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new TrustAnchorException($"--public-key {path}: no such file");
            }

            if (info.Length > MaxBytes)
            {
                throw new TrustAnchorException($"--public-key {path}: {info.Length} bytes is too large for a key or certificate file");
            }

            try
            {
                files.Add((info.Name, File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TrustAnchorException($"--public-key {path}: {e.Message}", e);
            }
        }

        return TrustAnchors.Load(files);
    }
}
