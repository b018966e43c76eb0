using System.Globalization;
using System.Text.Json;

namespace ComplianceAuditor.Comparison.Reading;

/// <summary>
/// Turns a parsed <c>report.json</c> into the read model, checking only what a comparison relies on: schema version 1,
/// the fields it reads and their kinds, and that scheme and provision ids are unique (a duplicate would make the
/// matching between two reports ambiguous). Everything else in the report is ignored.
/// </summary>
internal static class ReportParser
{
    public const int SupportedSchemaVersion = 1;

    public static ReportDocument Parse(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidReportException("the top level is not a JSON object");
        }

        CheckSchemaVersion(root);
        var tool = JsonFields.Required(root, "tool", "", JsonValueKind.Object);
        var identity = new ReportIdentity(
            path,
            JsonFields.String(tool, "version", "tool"),
            JsonFields.String(tool, "rulesetSha256", "tool"),
            JsonFields.String(root, "generatedAt", ""),
            JsonFields.Objects(root, "inputs", "").Select(i => new ReportInput(JsonFields.String(i.Item, "name", i.Path), JsonFields.String(i.Item, "sha256", i.Path))).ToList());
        var results = JsonFields.Objects(root, "results", "").Select(r => Result(r.Item, r.Path)).ToList();
        var schemes = JsonFields.Objects(root, "schemes", "").Select(s => Scheme(s.Item, s.Path)).ToList();
        RequireUnique(schemes.Select(s => s.Id), "scheme id");
        return new ReportDocument(identity, results, schemes);
    }

    private static void CheckSchemaVersion(JsonElement root)
    {
        if (!root.TryGetProperty("schemaVersion", out var version))
        {
            throw new InvalidReportException("it has no schemaVersion");
        }

        if (version.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidReportException(string.Create(CultureInfo.InvariantCulture,
                $"schemaVersion is not a number, this tool reads version {SupportedSchemaVersion}"));
        }

        if (!version.TryGetInt32(out var number) || number != SupportedSchemaVersion)
        {
            // A number token can be arbitrarily long (1e999...); the message only needs its start.
            var shown = version.GetRawText() is { Length: > 20 } raw ? raw[..20] + "..." : version.GetRawText();
            throw new InvalidReportException(string.Create(CultureInfo.InvariantCulture,
                $"schemaVersion is {shown}, this tool reads version {SupportedSchemaVersion}"));
        }
    }

    private static ReportResult Result(JsonElement result, string path)
    {
        var waiver = JsonFields.Optional(result, "waiver", path, JsonValueKind.Object) is { } w
            ? new ReportWaiver(JsonFields.Boolean(w, "applied", path + ".waiver"))
            : null;
        return new ReportResult(
            JsonFields.String(result, "ruleId", path),
            JsonFields.String(result, "outcome", path),
            JsonFields.String(result, "severity", path),
            JsonFields.String(result, "artifact", path),
            JsonFields.String(result, "message", path),
            JsonFields.String(result, "fingerprint", path),
            waiver);
    }

    private static ReportScheme Scheme(JsonElement scheme, string path)
    {
        var id = JsonFields.String(scheme, "id", path);
        var ratingPath = path + ".rating";
        var rating = JsonFields.Required(scheme, "rating", path, JsonValueKind.Object);
        var provisions = JsonFields.Objects(scheme, "provisions", path)
            .Select(p => new ReportProvision(
                JsonFields.String(p.Item, "id", p.Path),
                JsonFields.String(p.Item, "title", p.Path),
                JsonFields.String(p.Item, "status", p.Path),
                JsonFields.String(p.Item, "verdict", p.Path)))
            .ToList();
        RequireUnique(provisions.Select(p => p.Id), $"provision id in scheme '{id}'");
        return new ReportScheme(
            id,
            JsonFields.String(scheme, "shortTitle", path),
            new ReportRating(
                JsonFields.String(rating, "label", ratingPath),
                JsonFields.Number(rating, "score", ratingPath),
                JsonFields.OptionalString(rating, "model", ratingPath),
                JsonFields.OptionalInteger(rating, "level", ratingPath),
                JsonFields.OptionalInteger(rating, "maxLevel", ratingPath),
                JsonFields.OptionalString(rating, "grade", ratingPath)),
            provisions);
    }

    private static void RequireUnique(IEnumerable<string> ids, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new InvalidReportException($"the {what} '{id}' appears twice");
            }
        }
    }
}
