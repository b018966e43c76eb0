using System.Text;
using ComplianceAuditor.Reporting.CycloneDx;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Writes the CycloneDX SBOM of extracted components, through the real writer, in a report that holds nothing else.</summary>
internal static class Sbom
{
    public static async Task<string> WriteAsync(IReadOnlyList<ComponentEntry> components, string input = "rootfs")
    {
        var report = new AuditReport
        {
            Tool = new ToolInfo { Name = "ComplianceAuditor", Version = "0.0.0-test", InformationUri = "https://example.invalid", RulesetSha256 = new string('a', 64) },
            GeneratedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Inputs = [new InputEntry { Name = input, Kind = "firmware", Sha256 = new string('b', 64), Size = 1, ArtifactCount = 1 }],
            Artifacts = [],
            Rules = [],
            Results = [],
            Summary = new ResultSummary { Outcomes = new Dictionary<string, int>(), FailuresBySeverity = new Dictionary<string, int>() },
            Schemes = [],
            Components = components,
        };
        using var stream = new MemoryStream();
        await new CycloneDxReportWriter().WriteAsync(report, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
