using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>
/// Finds static analysis, fuzzing and release signing in CI files (GitHub workflows, GitLab CI, Jenkinsfile, Azure Pipelines,
/// CircleCI), release signing in release scripts, dependency update bots, and CODEOWNERS.
/// </summary>
public static class CiPractices
{
    private const int MaxFindingsPerFile = 100;

    private static readonly string[] BotFiles =
    [
        "/.github/dependabot.yml", "/.github/dependabot.yaml", "/renovate.json", "/renovate.json5", "/.github/renovate.json",
        "/.github/renovate.json5", "/.gitlab/renovate.json", "/.renovaterc", "/.renovaterc.json",
    ];

    private static readonly string[] CodeOwnersFiles = ["/CODEOWNERS", "/.github/CODEOWNERS", "/docs/CODEOWNERS"];

    public static CiPracticeReport Find(IRepositoryFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var findings = new List<CiPracticeFinding>();
        foreach (var path in TextScan.SortedPaths(files))
        {
            if (CiFiles.IsCiFile(path))
            {
                if (TextScan.Read(files, path) is { } text)
                {
                    findings.AddRange(ScanCi(path, text));
                }
            }
            else if (CiFiles.IsReleaseScript(path))
            {
                // Scripts are not CI, so only their signing steps count (a cppcheck target in a Makefile is not a CI practice).
                if (TextScan.Read(files, path) is { } script)
                {
                    findings.AddRange(ScanCi(path, script).Where(f => f.Practice == CiPractice.ReleaseSigning));
                }
            }
            else if (Array.Exists(BotFiles, b => b.Equals(path, StringComparison.OrdinalIgnoreCase)))
            {
                // The file's presence is the evidence; the tool is named by the file.
                var tool = path.Contains("dependabot", StringComparison.OrdinalIgnoreCase) ? "dependabot" : "renovate";
                findings.Add(new CiPracticeFinding(CiPractice.DependencyUpdates, tool, new EvidenceLine(path, 0, TextScan.FileName(path))));
            }
            else if (IsThreatModel(path))
            {
                findings.Add(new CiPracticeFinding(CiPractice.ThreatModel, "document", new EvidenceLine(path, 0, TextScan.FileName(path))));
            }
            else if (Array.Exists(CodeOwnersFiles, c => c.Equals(path, StringComparison.OrdinalIgnoreCase))
                     && TextScan.Read(files, path) is { } owners && FirstRule(path, owners) is { } rule)
            {
                findings.Add(new CiPracticeFinding(CiPractice.CodeOwners, "codeowners", rule));
            }
        }

        findings.Sort((a, b) => a.Practice != b.Practice ? a.Practice.CompareTo(b.Practice)
            : string.CompareOrdinal(a.Evidence.Path, b.Evidence.Path) is var byPath && byPath != 0 ? byPath
            : a.Evidence.Line.CompareTo(b.Evidence.Line));
        return new CiPracticeReport(findings);
    }

    /// <summary>Practices in one CI file, one finding per practice and line.</summary>
    public static IReadOnlyList<CiPracticeFinding> ScanCi(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<CiPracticeFinding>();
        foreach (var (number, line) in TextScan.Lines(text))
        {
            if (found.Count >= MaxFindingsPerFile || CiFiles.IsComment(line))
            {
                continue;
            }

            foreach (var (practice, pattern) in CiToolPatterns.All)
            {
                if (TextScan.Find(pattern, line) is { } match)
                {
                    var tool = match.Groups["tool"].Value.ToLowerInvariant();
                    var source = practice == CiPractice.ReleaseSigning ? KeySource(line) : SigningKeySource.Unknown;
                    found.Add(new CiPracticeFinding(practice, tool, new EvidenceLine(path, number, TextScan.Excerpt(line)), source));
                }
            }
        }

        return found;
    }

    // A hardware reference wins: "--key pkcs11:...;object=release.key" names a token object, not a file.
    private static SigningKeySource KeySource(string line) =>
        TextScan.IsMatch(CiToolPatterns.HardwareKey, line) ? SigningKeySource.HardwareOrKms
        : TextScan.IsMatch(CiToolPatterns.KeyFile, line) ? SigningKeySource.File
        : SigningKeySource.Unknown;

    private static bool IsThreatModel(string path)
    {
        // Compare without separators so threat-model, threat_model, ThreatModel and "Threat Model" all match.
        var name = TextScan.FileName(path).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal);
        return name.Contains("threatmodel", StringComparison.OrdinalIgnoreCase) || name.Contains("riskassessment", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A CODEOWNERS file counts only when it has a rule: a non-comment line with a pattern and an owner.</summary>
    private static EvidenceLine? FirstRule(string path, string text)
    {
        foreach (var (number, line) in TextScan.Lines(text))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#') && trimmed.Contains('@', StringComparison.Ordinal))
            {
                return new EvidenceLine(path, number, TextScan.Excerpt(trimmed));
            }
        }

        return null;
    }
}
