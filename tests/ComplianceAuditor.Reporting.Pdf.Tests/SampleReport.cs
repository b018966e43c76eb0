using System.Globalization;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>
/// A hand-built report: enough failures to push the findings table over several pages, one failure whose path and
/// excerpt carry markup, a right-to-left override and control characters, and two schemes.
/// </summary>
internal static class SampleReport
{
    public const int FailCount = 150;

    public const string HostileRuleId = "WEB-XSS-001";

    public const string HostileArtifact = "firmware.img!/www/<script>alert(1)</script>\u202Egnp.exe\u0007";

    public const string HostileExcerpt = "title=<script>document.cookie</script>\u202E\u0001end";

    /// <summary>A critical failure under a waiver in force: it sorts first but must not be among the findings to fix first.</summary>
    public const string WaivedRuleId = "FW-000";

    public const string LongPathRuleId = "LONG-PATH-001";

    /// <summary>A path with no place to break for a long stretch, as firmware can hold.</summary>
    public static readonly string LongPath = "firmware.img!/" + new string('a', 150) + "/" + new string('b', 160);

    public static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    private static readonly string[] Outcomes = ["pass", "fail", "notApplicable", "inconclusive", "error"];

    private static readonly string[] Verdicts = ["pass", "fail", "notApplicable", "inconclusive", "notAssessed"];

    public static AuditReport Build()
    {
        var results = new List<ResultEntry>();
        for (var i = 1; i <= FailCount; i++)
        {
            results.Add(Result(RuleId(i), "fail", Severities[i % Severities.Length], $"firmware.img!/rootfs/usr/bin/daemon-{i:D3}", i));
        }

        results.Add(Result(HostileRuleId, "fail", "critical", HostileArtifact, 1) with
        {
            Evidence = [new EvidenceEntry { Kind = "text", Path = HostileArtifact, Excerpt = HostileExcerpt, ByteOffset = 0x1F40 }],
        });
        results.Add(Result(WaivedRuleId, "fail", "critical", "firmware.img!/etc/waived.conf", 2) with
        {
            Waiver = new WaiverEntry { Applied = true, Justification = "accepted for the lab build only", Approver = "Q. Approver", Expires = "2030-01-01", Location = "waivers.yaml:3:3" },
        });
        results.Add(Result(LongPathRuleId, "fail", "low", LongPath, 4));
        results.Add(Result("CRED-PASS-001", "pass", "high", "firmware.img!/etc/shadow", 7));
        results.Add(Result("NET-NA-001", "notApplicable", "low", "firmware.img!/etc/inetd.conf", 3));
        results.Add(Result("UPD-INC-001", "inconclusive", "medium", "firmware.img!/etc/swupdate.cfg", 5));
        results.Add(Result("ELF-ERR-001", "error", "info", "firmware.img!/lib/libc.so.6", 9));

        return new AuditReport
        {
            Tool = new ToolInfo
            {
                Name = "compliance-auditor",
                Version = "0.1.0",
                InformationUri = "https://example.invalid/compliance-auditor",
                RulesetSha256 = new string('a', 32) + new string('7', 32),
            },
            GeneratedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            Inputs =
            [
                new InputEntry
                {
                    Name = "router-fw-2.4.1.img", Kind = "firmware", Sha256 = new string('c', 64), Size = 16_777_216, ArtifactCount = 812,
                },
                new InputEntry { Name = "router-src", Kind = "repo", Sha256 = new string('d', 64), Size = 2_048, ArtifactCount = 40 },
            ],
            Artifacts =
            [
                new ArtifactEntry
                {
                    Path = "router-fw-2.4.1.img!/0x40000.squashfs", Target = "router-fw-2.4.1.img", Kind = "binary", Size = 4096,
                    Container = new ComplianceAuditor.Core.Model.ContainerInfo
                    {
                        Format = "squashfs", Extractor = "native", Description = "squashfs 4.0, xz, 812 inodes", Status = "opened", Entries = 811,
                    },
                },
                new ArtifactEntry
                {
                    Path = "router-fw-2.4.1.img!/0xe00000.ubifs", Target = "router-fw-2.4.1.img", Kind = "binary", Size = 2048,
                    Container = new ComplianceAuditor.Core.Model.ContainerInfo
                    {
                        Format = "ubifs", Extractor = "ubireader_extract_files", Description = "UBIFS", Status = "unavailable",
                        Reason = "UBIFS found; no native reader, and ubireader_extract_files (pip install ubi_reader) is not installed",
                    },
                },
            ],
            Rules = results.Select(r => r.RuleId).Distinct().Order(StringComparer.Ordinal).Select(Rule).ToArray(),
            Results = results,
            Summary = new ResultSummary
            {
                Outcomes = Outcomes.ToDictionary(o => o, o => results.Count(r => r.Outcome == o)),
                FailuresBySeverity = Severities.ToDictionary(s => s, s => results.Count(r => r.Outcome == "fail" && r.Severity == s)),
            },
            Schemes = [Scheme("etsi-en-303-645", "ETSI EN 303 645", 24), Scheme("ietf-suit", "IETF SUIT architecture requirements", 8)],
        };
    }

    public static string RuleTitle(string ruleId) => $"Title of rule {ruleId}";

    public static string Remediation(string ruleId) => $"Remove the value that rule {ruleId} forbids and rebuild the image.";

    private static RuleEntry Rule(string id) => new()
    {
        Id = id,
        Title = RuleTitle(id),
        Severity = "high",
        CheckKind = "content",
        Catalog = ["CHK-CRED-01"],
        Provisions = [],
        Rationale = $"Rule {id} guards against a weakness an attacker can use.",
        Remediation = Remediation(id),
        BuiltIn = true,
    };

    public static string RuleId(int i) => string.Create(CultureInfo.InvariantCulture, $"FW-{i:D3}");

    private static ResultEntry Result(string ruleId, string outcome, string severity, string artifact, int line) => new()
    {
        RuleId = ruleId,
        Catalog = ["CHK-CRED-01"],
        Outcome = outcome,
        Severity = severity,
        Artifact = artifact,
        Message = $"Rule {ruleId} found a problem in this file",
        Reason = outcome == "pass" ? null : "the file holds a value the rule forbids",
        Evidence = [new EvidenceEntry { Kind = "text", Path = artifact, Line = line, Excerpt = "root::0:0:99999:7:::" }],
        Fingerprint = $"{ruleId}:{artifact}",
    };

    public static SchemeEntry Scheme(string id, string shortTitle, int provisions)
    {
        var entries = Enumerable.Range(1, provisions).Select(i => new ProvisionEntry
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"5.{i}-1"),
            Title = $"Provision {i}",
            Status = i % 3 == 0 ? "recommended" : "mandatory",
            Assessment = ["automated"],
            Verdict = Verdicts[i % Verdicts.Length],
            Reasons = [$"{RuleId(i)} failed on firmware.img!/rootfs/usr/bin/daemon-{i:D3}: the file holds a value the rule forbids"],
            Results = [],
        }).ToArray();
        return new SchemeEntry
        {
            Id = id,
            Title = shortTitle + " (full title)",
            ShortTitle = shortTitle,
            Version = "2.1.1",
            Kind = "standard",
            Rating = new RatingEntry { Model = "mandatoryShare", Label = "FAIL", Score = 41.7, Grade = "E", Failed = true, Formula = "mandatory pass / (mandatory - mandatory not applicable)" },
            Summary = Verdicts.ToDictionary(v => v, v => entries.Count(p => p.Verdict == v)),
            Provisions = entries,
        };
    }
}
