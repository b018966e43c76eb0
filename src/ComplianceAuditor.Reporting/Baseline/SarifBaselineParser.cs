using System.Text.Json;
using ComplianceAuditor.Reporting.Sarif;

namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>
/// The failures of a SARIF 2.1.0 log written by this tool: results of kind <c>fail</c> (SARIF's default kind) that
/// carry our partial fingerprint. Results of other tools, without it, can match nothing and are passed over.
/// </summary>
internal static class SarifBaselineParser
{
    public static IEnumerable<BaselineFailure> Failures(BaselineNode root)
    {
        var version = root.Required("version", JsonValueKind.String);
        if (version.Element.GetString() != "2.1.0")
        {
            throw version.Invalid($"is '{version.Element.GetString()}': only SARIF 2.1.0 logs are read");
        }

        // Walked eagerly, so that a malformed value anywhere is reported before the audit runs, not while writing.
        var failures = new List<BaselineFailure>();
        _ = root.Required("runs", JsonValueKind.Array);
        foreach (var run in root.Objects("runs"))
        {
            var paths = new SarifArtifactPaths(run.Objects("artifacts").ToArray());
            foreach (var result in run.Objects("results"))
            {
                if (Failure(result, paths) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        return failures;
    }

    private static BaselineFailure? Failure(BaselineNode result, SarifArtifactPaths paths)
    {
        var fingerprint = result.Member("partialFingerprints", JsonValueKind.Object)?.String(SarifReportWriter.FingerprintKey);
        if ((result.String("kind") ?? "fail") != "fail" || fingerprint is null)
        {
            return null;
        }

        var ruleId = result.String("ruleId") ?? result.Member("rule", JsonValueKind.Object)?.String("id") ?? "";
        var message = result.Member("message", JsonValueKind.Object)?.String("text") ?? ruleId;
        return new BaselineFailure(fingerprint, ruleId, message, Location(result, paths));
    }

    private static BaselineLocation? Location(BaselineNode result, SarifArtifactPaths paths)
    {
        var first = result.Objects("locations").Select(l => (BaselineNode?)l).FirstOrDefault();
        var physical = first?.Member("physicalLocation", JsonValueKind.Object);
        if (physical?.Member("artifactLocation", JsonValueKind.Object) is not { } artifact || paths.PathOf(artifact) is not { } path)
        {
            return null;
        }

        var region = physical.Value.Member("region", JsonValueKind.Object);
        return new BaselineLocation(path)
        {
            StartLine = region?.Integer("startLine", 1),
            StartColumn = region?.Integer("startColumn", 1),
            ByteOffset = region?.Number("byteOffset", 0),
            ByteLength = region?.Number("byteLength", 0),
        };
    }
}
