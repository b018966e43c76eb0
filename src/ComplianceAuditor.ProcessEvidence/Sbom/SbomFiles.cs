using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Sbom;

/// <summary>Finds committed CycloneDX/SPDX documents and SBOM generation steps in CI.</summary>
public static class SbomFiles
{
    private const int MaxCandidates = 2000;

    private static readonly JsonDocumentOptions JsonOptions =
        new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly Regex CycloneDxXmlRoot = TextScan.Create(@"<([a-z0-9_]+:)?bom\b[^>]*cyclonedx\.org/schema/bom");
    private static readonly Regex SpdxTagVersion = TextScan.Create(@"^\s*SPDXVersion:\s*(?<v>SPDX-\S+)");

    private static readonly Regex Generator = TextScan.Create(
        @"\b(syft|cdxgen|cyclonedx-[a-z0-9-]+|cyclonedx/[a-z0-9-]+|spdx-sbom-generator|anchore/sbom-action|sbom-tool)\b" +
        @"|\btrivy\b.*--format[\s=]+(cyclonedx|spdx)");

    /// <summary>Scans the repository. Candidate files whose content is not an SBOM are listed as rejected.</summary>
    public static SbomReport Find(IRepositoryFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var findings = new List<SbomFinding>();
        var rejected = new List<string>();
        var candidates = 0;
        foreach (var path in TextScan.SortedPaths(files))
        {
            if (CiFiles.IsCiFile(path))
            {
                if (TextScan.Read(files, path) is { } ci)
                {
                    findings.AddRange(ScanCi(path, ci));
                }

                continue;
            }

            var kind = CandidateKind(TextScan.FileName(path).ToLowerInvariant());
            if (kind == Candidate.None || ++candidates > MaxCandidates)
            {
                continue;
            }

            var text = TextScan.Read(files, path);
            var finding = text is null ? null : kind switch
            {
                Candidate.Json => FromJson(path, text),
                Candidate.Xml => FromXml(path, text),
                _ => FromTagValue(path, text),
            };
            if (finding is null)
            {
                rejected.Add(path);
            }
            else
            {
                findings.Add(finding);
            }
        }

        return new SbomReport(findings, rejected);
    }

    private enum Candidate
    {
        None,
        Json,
        Xml,
        TagValue,
    }

    private static Candidate CandidateKind(string name) =>
        name == "bom.json" || name.EndsWith(".cdx.json", StringComparison.Ordinal) || name.EndsWith(".spdx.json", StringComparison.Ordinal)
            || name.Contains("sbom", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal) ? Candidate.Json
        : name == "bom.xml" || name.EndsWith(".cdx.xml", StringComparison.Ordinal)
            || name.Contains("sbom", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal) ? Candidate.Xml
        : name.EndsWith(".spdx", StringComparison.Ordinal) ? Candidate.TagValue
        : Candidate.None;

    /// <summary>Only the root object's own fields count, so a JSON file that merely mentions CycloneDX or SPDX is not an SBOM.</summary>
    private static SbomFinding? FromJson(string path, string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, JsonOptions);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (StringProperty(root, "bomFormat") is { } format && format.Equals("CycloneDX", StringComparison.OrdinalIgnoreCase))
            {
                return new SbomFinding(SbomKind.CycloneDxJson, LineOf(path, text, "\"bomFormat\""), StringProperty(root, "specVersion") ?? "");
            }

            if (StringProperty(root, "spdxVersion") is { } spdx && spdx.StartsWith("SPDX-", StringComparison.OrdinalIgnoreCase))
            {
                return new SbomFinding(SbomKind.SpdxJson, LineOf(path, text, "\"spdxVersion\""), spdx);
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SbomFinding? FromXml(string path, string text) =>
        TextScan.IsMatch(CycloneDxXmlRoot, text)
            ? new SbomFinding(SbomKind.CycloneDxXml, LineOf(path, text, "cyclonedx.org/schema/bom"), "")
            : null;

    private static SbomFinding? FromTagValue(string path, string text)
    {
        foreach (var (number, line) in TextScan.Lines(text))
        {
            if (TextScan.Find(SpdxTagVersion, line) is { } match)
            {
                return new SbomFinding(SbomKind.SpdxTagValue, new EvidenceLine(path, number, TextScan.Excerpt(line)), match.Groups["v"].Value);
            }
        }

        return null;
    }

    private static List<SbomFinding> ScanCi(string path, string text)
    {
        var found = new List<SbomFinding>();
        foreach (var (number, line) in TextScan.Lines(text))
        {
            if (!CiFiles.IsComment(line) && TextScan.Find(Generator, line) is { } match)
            {
                found.Add(new SbomFinding(SbomKind.CiGenerator, new EvidenceLine(path, number, TextScan.Excerpt(line)),
                    match.Value.Split(' ')[0].ToLowerInvariant()));
            }
        }

        return found;
    }

    private static string? StringProperty(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static EvidenceLine LineOf(string path, string text, string needle)
    {
        foreach (var (number, line) in TextScan.Lines(text))
        {
            if (line.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return new EvidenceLine(path, number, TextScan.Excerpt(line));
            }
        }

        return new EvidenceLine(path, 0, "");
    }
}
