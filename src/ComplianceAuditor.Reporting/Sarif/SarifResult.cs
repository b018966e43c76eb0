using System.Text.Json.Nodes;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Sarif;

/// <summary>One SARIF result: the first evidence item is the primary location, the rest related locations.</summary>
internal static class SarifResult
{
    private const int MaxRelated = 20;

    /// <param name="baselineState"><c>new</c> or <c>unchanged</c> for a failure when the audit has a baseline, else null.</param>
    public static JsonObject Build(ResultEntry result, int ruleIndex, SarifArtifacts artifacts, string? baselineState = null)
    {
        var failed = result.Outcome == "fail";
        var evidence = result.Evidence;
        var primary = evidence.Count > 0 ? Location(result, evidence[0], artifacts) : Bare(result.Artifact, artifacts);
        var text = ResultMessages.Full(result.Message, result.Reason);

        var sarif = new JsonObject
        {
            ["ruleId"] = result.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["kind"] = failed ? "fail" : "review",
            ["level"] = failed ? SarifLevels.Level(result.Severity) : "none",
            ["message"] = new JsonObject { ["text"] = text },
            ["locations"] = new JsonArray(primary),
            ["partialFingerprints"] = new JsonObject { [SarifReportWriter.FingerprintKey] = result.Fingerprint },
        };
        if (baselineState is not null)
        {
            sarif["baselineState"] = baselineState;
        }

        sarif["properties"] = new JsonObject
        {
            ["outcome"] = result.Outcome,
            ["catalog"] = new JsonArray(result.Catalog.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
        };

        // A waived failure stays a result, suppressed as SARIF has it (code scanning shows it as dismissed, with why);
        // one under an expired waiver is not suppressed, and says so.
        if (result.Waiver is { } waiver)
        {
            var note = $"waived by {waiver.Approver} until {waiver.Expires}: {waiver.Justification} ({waiver.Location})";
            if (waiver.Applied)
            {
                sarif["suppressions"] = new JsonArray(new JsonObject { ["kind"] = "external", ["status"] = "accepted", ["justification"] = note });
            }
            else
            {
                sarif["properties"]!["expiredWaiver"] = note;
            }
        }

        if (evidence.Count > 1)
        {
            var related = new JsonArray();
            for (var i = 1; i < Math.Min(evidence.Count, MaxRelated + 1); i++)
            {
                var location = Location(result, evidence[i], artifacts);
                location["id"] = i;
                related.Add(location);
            }

            sarif["relatedLocations"] = related;
        }

        return sarif;
    }

    private static JsonObject Location(ResultEntry result, EvidenceEntry evidence, SarifArtifacts artifacts)
    {
        var physical = new JsonObject { ["artifactLocation"] = artifacts.Location(evidence.Path ?? result.Artifact) };
        var region = new JsonObject();
        if (evidence.Line is { } line)
        {
            region["startLine"] = line;
            if (evidence.Column is { } column)
            {
                region["startColumn"] = column;
            }
        }
        else if (evidence.ByteOffset is { } offset)
        {
            region["byteOffset"] = offset;
            region["byteLength"] = evidence.ByteLength ?? 0;
        }

        if (region.Count > 0)
        {
            if (evidence.Excerpt is not null)
            {
                region["snippet"] = new JsonObject { ["text"] = evidence.Excerpt };
            }

            physical["region"] = region;
        }

        var location = new JsonObject { ["physicalLocation"] = physical };
        if (evidence.Description is not null)
        {
            location["message"] = new JsonObject { ["text"] = evidence.Description };
        }

        return location;
    }

    private static JsonObject Bare(string path, SarifArtifacts artifacts) =>
        new() { ["physicalLocation"] = new JsonObject { ["artifactLocation"] = artifacts.Location(path) } };
}
