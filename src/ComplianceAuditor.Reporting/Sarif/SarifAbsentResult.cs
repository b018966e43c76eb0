using System.Text.Json.Nodes;
using ComplianceAuditor.Reporting.Baseline;

namespace ComplianceAuditor.Reporting.Sarif;

/// <summary>
/// A failure of the baseline that no longer fails, as SARIF has it: a <c>pass</c> result with baseline state
/// <c>absent</c>, its fingerprint, the baseline's message, and where it was when that can still be said.
/// </summary>
internal static class SarifAbsentResult
{
    /// <param name="targets">The names of this run's targets, the base ids a location can be relative to.</param>
    public static JsonObject Build(BaselineFailure failure, int ruleIndex, SarifArtifacts artifacts, IReadOnlyList<string> targets)
    {
        var sarif = new JsonObject
        {
            ["ruleId"] = failure.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["kind"] = "pass",
            ["level"] = "none",
            ["message"] = new JsonObject { ["text"] = failure.Message },
        };
        if (failure.Location is { } where && Location(where, artifacts, targets) is { } location)
        {
            sarif["locations"] = new JsonArray(location);
        }

        sarif["partialFingerprints"] = new JsonObject { [SarifReportWriter.FingerprintKey] = failure.Fingerprint };
        sarif["baselineState"] = "absent";
        return sarif;
    }

    private static JsonObject? Location(BaselineLocation where, SarifArtifacts artifacts, IReadOnlyList<string> targets)
    {
        // An artifact this run still has is addressed as its own results address it, container chain included.
        if (artifacts.Lists(where.Path))
        {
            var physical = new JsonObject { ["artifactLocation"] = artifacts.Location(where.Path) };
            if (Region(where) is { } region)
            {
                physical["region"] = region;
            }

            return new JsonObject { ["physicalLocation"] = physical };
        }

        // Gone from a container: the innermost container still here, with the old place in words. The region was the
        // inner artifact's, so it is left out.
        for (var end = where.Path.LastIndexOf("!/", StringComparison.Ordinal); end > 0; end = where.Path.LastIndexOf("!/", end - 1, StringComparison.Ordinal))
        {
            var container = where.Path[..end];
            if (artifacts.Lists(container))
            {
                return Inside(new JsonObject { ["artifactLocation"] = artifacts.Location(container) }, where.Path);
            }
        }

        return Unlisted(where.Path, targets);
    }

    /// <summary>
    /// For a file this run does not list at all (it was deleted): its place in the target it belonged to, relative to
    /// that target's base id. Null when no target of this run holds it: the baseline came from another target.
    /// </summary>
    private static JsonObject? Unlisted(string path, IReadOnlyList<string> targets)
    {
        var nested = path.IndexOf("!/", StringComparison.Ordinal);
        var file = nested < 0 ? path : path[..nested];
        foreach (var target in targets)
        {
            string? uri = null;
            if (file == target)
            {
                // A firmware target: its own name under the folder that holds it.
                uri = target;
            }
            else if (file.StartsWith(target + "/", StringComparison.Ordinal))
            {
                uri = file[(target.Length + 1)..];
            }
            else if (file.StartsWith(target + "@", StringComparison.Ordinal) && file.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash)
            {
                // Content from the history (repo@3f2a9c1d4e5b/config/aws.conf) is shown at the file's place in the repository.
                uri = file[(slash + 1)..];
            }

            if (uri is not null)
            {
                var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = SarifArtifacts.Escape(uri), ["uriBaseId"] = target } };
                return nested < 0 ? new JsonObject { ["physicalLocation"] = physical } : Inside(physical, path);
            }
        }

        return null;
    }

    private static JsonObject Inside(JsonObject physical, string path) => new()
    {
        ["physicalLocation"] = physical,
        ["message"] = new JsonObject { ["text"] = $"was inside it, at {path}" },
    };

    private static JsonObject? Region(BaselineLocation where)
    {
        if (where.StartLine is { } line)
        {
            var region = new JsonObject { ["startLine"] = line };
            if (where.StartColumn is { } column)
            {
                region["startColumn"] = column;
            }

            return region;
        }

        return where.ByteOffset is { } offset ? new JsonObject { ["byteOffset"] = offset, ["byteLength"] = where.ByteLength ?? 0 } : null;
    }
}
