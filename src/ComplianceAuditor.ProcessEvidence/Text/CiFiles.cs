namespace ComplianceAuditor.ProcessEvidence.Text;

/// <summary>Recognises CI configuration files by path.</summary>
internal static class CiFiles
{
    public static bool IsCiFile(string path)
    {
        var name = TextScan.FileName(path);
        var yaml = name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
        return yaml && path.StartsWith("/.github/workflows/", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/.gitlab-ci.yml", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/azure-pipelines.yml", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/.circleci/config.yml", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Jenkinsfile", StringComparison.Ordinal);
    }

    /// <summary>
    /// Release and build scripts outside CI (shell scripts under scripts/, tools/, ci/ or named for release or signing, and the root
    /// Makefile); the issue counts signing in release scripts as well as in CI.
    /// </summary>
    public static bool IsReleaseScript(string path)
    {
        var name = TextScan.FileName(path);
        if (path.Equals("/Makefile", StringComparison.Ordinal))
        {
            return true;
        }

        if (!name.EndsWith(".sh", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return path.StartsWith("/scripts/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/tools/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/ci/", StringComparison.OrdinalIgnoreCase)
            || name.Contains("release", StringComparison.OrdinalIgnoreCase)
            || name.Contains("sign", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for lines that are wholly a '#' or '//' comment, which say nothing about what CI runs.</summary>
    public static bool IsComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal);
    }
}
