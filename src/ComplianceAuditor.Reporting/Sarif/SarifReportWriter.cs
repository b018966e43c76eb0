using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceAuditor.Reporting.Json;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Sarif;

/// <summary>
/// Writes <c>report.sarif</c> (SARIF 2.1.0) for IDEs and code scanning. Results are the failures (kind <c>fail</c>)
/// and the undecided ones (kind <c>review</c>); passes and not-applicable results stay in <c>report.json</c>, which
/// code-scanning consumers would otherwise show as noise. Checks that errored are tool execution notifications.
/// Compared with a baseline (<c>--baseline</c>), each failure has a <c>baselineState</c>, and the baseline's failures
/// that no longer fail are added as <c>absent</c> results.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string FingerprintKey = "complianceAuditor/v1";

    public string Format => "sarif";

    public string FileName => "report.sarif";

    public async Task WriteAsync(AuditReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var document = Build(report);
        await using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = ReportJson.Options.Encoder }))
        {
            document.WriteTo(writer);
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    public static JsonObject Build(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ruleIndex = report.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var artifacts = new SarifArtifacts(report);
        var results = new JsonArray();
        var baseline = report.Baseline;
        foreach (var r in report.Results.Where(r => r.Outcome is "fail" or "inconclusive"))
        {
            // Only failures are compared with the baseline; an undecided result is neither new nor unchanged.
            var state = baseline is null || r.Outcome != "fail" ? null : baseline.Fingerprints.Contains(r.Fingerprint) ? "unchanged" : "new";
            results.Add(SarifResult.Build(r, ruleIndex[r.RuleId], artifacts, state));
        }

        var targets = report.Inputs.Select(i => i.Name).ToArray();
        foreach (var gone in baseline?.AbsentFailures ?? [])
        {
            // The report builder left out those whose rule this run lacks; a result must reference a rule of the run.
            if (ruleIndex.TryGetValue(gone.RuleId, out var index))
            {
                results.Add(SarifAbsentResult.Build(gone, index, artifacts, targets));
            }
        }

        var notifications = new JsonArray(report.Results.Where(r => r.Outcome == "error").Select(r => (JsonNode)new JsonObject
        {
            ["level"] = "error",
            ["message"] = new JsonObject { ["text"] = $"{r.RuleId} on {r.Artifact}: {r.Reason}" },
            ["descriptor"] = new JsonObject { ["id"] = r.RuleId },
        }).ToArray());

        var properties = new JsonObject
        {
            ["rulesetSha256"] = report.Tool.RulesetSha256,
            ["secretsShown"] = report.SecretsShown,
            ["ratings"] = new JsonArray(report.Schemes.Select(s => (JsonNode)Rating(s)).ToArray()),
        };
        if (baseline is not null)
        {
            properties["baseline"] = JsonSerializer.SerializeToNode(baseline, ReportJson.Options);
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = report.Tool.Name,
                    ["version"] = report.Tool.Version,
                    ["semanticVersion"] = report.Tool.Version,
                    ["informationUri"] = report.Tool.InformationUri,
                    ["rules"] = new JsonArray(report.Rules.Select(r => (JsonNode)SarifRule.Build(r)).ToArray()),
                },
            },
            ["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = true,
                ["toolExecutionNotifications"] = notifications,
            }),
            ["originalUriBaseIds"] = BaseIds(report),
            ["artifacts"] = artifacts.Array,
            ["results"] = results,
            ["properties"] = properties,
        };

        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
    }

    /// <summary>A scheme's rating for the run's properties; grade and level only where the model has them.</summary>
    private static JsonObject Rating(SchemeEntry scheme)
    {
        var rating = new JsonObject
        {
            ["scheme"] = scheme.Id,
            ["model"] = scheme.Rating.Model,
            ["label"] = scheme.Rating.Label,
            ["score"] = scheme.Rating.Score,
            ["failed"] = scheme.Rating.Failed,
        };
        if (scheme.Rating.Grade is { } grade)
        {
            rating["grade"] = grade;
        }

        if (scheme.Rating.Level is { } level)
        {
            rating["level"] = level;
        }

        return rating;
    }

    private static JsonObject BaseIds(AuditReport report)
    {
        var ids = new JsonObject();
        foreach (var input in report.Inputs)
        {
            ids[input.Name] = new JsonObject
            {
                // For a directory target the base is that directory; for a firmware file it is the folder holding the
                // file, so the file itself is addressed as its own name relative to it.
                ["description"] = new JsonObject
                {
                    ["text"] = input.Kind == "firmware"
                        ? $"The folder that holds the firmware file '{input.Name}' (sha256 {input.Sha256})"
                        : $"The {input.Kind} target '{input.Name}' (sha256 {input.Sha256})",
                },
            };
        }

        return ids;
    }
}
