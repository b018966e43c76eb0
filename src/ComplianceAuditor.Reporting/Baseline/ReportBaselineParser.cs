using System.Text.Json;

namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>The failures of a <c>report.json</c> of schema version 1: its results with outcome <c>fail</c>, waived or not.</summary>
internal static class ReportBaselineParser
{
    public static IEnumerable<BaselineFailure> Failures(BaselineNode root)
    {
        var version = root.Required("schemaVersion", JsonValueKind.Number);
        if (!version.Element.TryGetInt32(out var number) || number != 1)
        {
            throw version.Invalid($"is {version.Element.GetRawText()}: only reports of schema version 1 are read");
        }

        _ = root.Required("results", JsonValueKind.Array);
        var failures = new List<BaselineFailure>();
        foreach (var result in root.Objects("results"))
        {
            if (result.RequiredString("outcome") != "fail")
            {
                continue;
            }

            var message = result.RequiredString("message");
            var reason = result.String("reason");
            var evidence = result.Objects("evidence").Select(e => (BaselineNode?)e).FirstOrDefault();
            failures.Add(new BaselineFailure(
                result.RequiredString("fingerprint"),
                result.RequiredString("ruleId"),
                // Worded as the SARIF result's message is, so an absent result reads the same from either baseline.
                ResultMessages.Full(message, reason),
                Location(result.RequiredString("artifact"), evidence)));
        }

        return failures;
    }

    private static BaselineLocation Location(string artifact, BaselineNode? evidence)
    {
        if (evidence is not { } first)
        {
            return new BaselineLocation(artifact);
        }

        // The evidence's own path when it points elsewhere (a file the finding is about, inside the artifact's target).
        // A line wins over a byte range, and a range without a length is empty, as in the SARIF log.
        var line = first.Integer("line", 1);
        var offset = line is null ? first.Number("byteOffset", 0) : null;
        return new BaselineLocation(first.String("path") ?? artifact)
        {
            StartLine = line,
            StartColumn = line is null ? null : first.Integer("column", 1),
            ByteOffset = offset,
            ByteLength = offset is null ? null : first.Number("byteLength", 0) ?? 0,
        };
    }
}
