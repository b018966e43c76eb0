using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>
/// Finds static analysis, fuzzing and release signing in CI files (GitHub workflows, GitLab CI, Jenkinsfile, Azure Pipelines,
/// CircleCI), release signing in release scripts, fuzz harnesses in source files named for fuzzing, dependency update bots,
/// threat models and CODEOWNERS.
/// </summary>
public static class CiPractices
{
    private const int MaxFindingsPerFile = 100;

    /// <summary>Source files named for fuzzing that are opened to look for a harness; a fuzzing corpus can hold thousands.</summary>
    private const int MaxHarnessFiles = 200;

    /// <summary>Documents, spreadsheets and diagrams, plus Microsoft Threat Modeling Tool (.tm7) and OWASP Threat Dragon (.json) models.</summary>
    private static readonly string[] ThreatModelExtensions =
    [
        ".md", ".markdown", ".rst", ".txt", ".adoc", ".asciidoc", ".html", ".htm", ".pdf", ".doc", ".docx", ".odt",
        ".xls", ".xlsx", ".ods", ".drawio", ".svg", ".png", ".tm7", ".json",
    ];

    private static readonly string[] SourceExtensions = [".c", ".cc", ".cpp", ".cxx", ".rs", ".go", ".py", ".java"];

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
        var harnessFiles = 0;
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
            else if (IsFuzzCandidate(path) && harnessFiles++ < MaxHarnessFiles)
            {
                if (TextScan.Read(files, path) is { } source && Harness(path, source) is { } harness)
                {
                    findings.Add(harness);
                }
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
                    var keyFile = practice == CiPractice.ReleaseSigning && source != SigningKeySource.HardwareOrKms ? KeyFile(line[match.Index..]) : null;
                    found.Add(new CiPracticeFinding(practice, tool, new EvidenceLine(path, number, TextScan.Excerpt(line)), source, keyFile));
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

    /// <summary>
    /// The key file (or key folder, for mkimage -k) a signing command names, as written; null when it names none. Only
    /// the text from the tool onwards is read, so a path earlier on the line (an input image) is not taken for the key.
    /// </summary>
    private static string? KeyFile(string command)
    {
        command = CiToolPatterns.GithubExpression.Replace(command, "$${{${e}}}");
        var match = TextScan.Find(CiToolPatterns.KeyOption, command) ?? TextScan.Find(CiToolPatterns.KeyPathToken, command);
        if (match?.Groups["key"].Value.TrimEnd(';', ',', ')', '\'', '"') is not { Length: > 0 } key)
        {
            return null;
        }

        // swugenerator writes the algorithm and files together: "-k RSA,key.pem" or "-k CMS,key.pem,cert.pem".
        return key.Contains(',', StringComparison.Ordinal)
            ? key.Split(',').FirstOrDefault(part => TextScan.IsMatch(CiToolPatterns.KeyPathToken, part)) ?? key
            : key;
    }

    /// <summary>Source files whose name or folder says fuzzing (fuzz_parser.c, fuzz/fuzz_targets/x.rs, tests/fuzzing/a.go).</summary>
    private static bool IsFuzzCandidate(string path)
    {
        var name = TextScan.FileName(path);
        return SourceExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            && path.Contains("fuzz", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The first line of a source file that defines a fuzz entry point, as a fuzzing finding.</summary>
    private static CiPracticeFinding? Harness(string path, string source)
    {
        foreach (var (number, line) in TextScan.Lines(source))
        {
            if (TextScan.Find(CiToolPatterns.FuzzHarness, line) is { } match)
            {
                var tool = match.Groups["tool"].Value.ToLowerInvariant() switch
                {
                    "llvmfuzzertestoneinput" => "libfuzzer-harness",
                    "fuzz" => "go-fuzz-test",
                    "fuzz_target" => "cargo-fuzz-target",
                    "atheris" => "atheris-harness",
                    "fuzzertestoneinput" => "jazzer-harness",
                    _ => "afl-harness",
                };
                return new CiPracticeFinding(CiPractice.Fuzzing, tool, new EvidenceLine(path, number, TextScan.Excerpt(line)));
            }
        }

        return null;
    }

    private static bool IsThreatModel(string path)
    {
        // Only documents and threat-modelling tool files: a rule, script or test named after threat models is not one.
        var file = TextScan.FileName(path);
        var dot = file.LastIndexOf('.');
        var extension = dot > 0 ? file[dot..] : "";
        if (extension.Length > 0 && !Array.Exists(ThreatModelExtensions, e => e.Equals(extension, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

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
