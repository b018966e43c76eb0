using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ComplianceAuditor.Comparison;
using ComplianceAuditor.Comparison.Reading;

namespace ComplianceAuditor.Cli.Compare;

/// <summary>
/// The JSON rendering, for machines: camelCase names written one by one (not by reflection), so renaming a C# member
/// can never change the contract; absent values are written as null so that every field is always there. Lists every
/// scheme, every provision that is not unchanged, and every finding (persisting ones included).
/// </summary>
internal static class ComparisonJson
{
    /// <summary>Bumped when a field is renamed or removed; adding a field keeps it.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Unlike report.json (a file), this is printed to a terminal: escaping everything outside ASCII keeps a
        // bidirectional override in a file name from reordering what a person sees. Parsers read the same strings.
        Encoder = JavaScriptEncoder.Default,
    };

    public static void Write(ReportComparison comparison, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteBoolean("regression", comparison.HasRegression);
            json.WriteBoolean("rulesetChanged", comparison.RulesetChanged);
            Identity(json, "old", comparison.Old);
            Identity(json, "new", comparison.New);
            Summary(json, comparison.Summary);
            json.WriteStartArray("schemes");
            foreach (var s in comparison.Schemes)
            {
                json.WriteStartObject();
                json.WriteString("id", s.SchemeId);
                json.WriteString("shortTitle", s.ShortTitle);
                json.WriteString("change", Name(s.Kind));
                Rating(json, "old", s.Old);
                Rating(json, "new", s.New);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("provisions");
            foreach (var p in comparison.Provisions.Where(p => p.Kind != ChangeKind.Unchanged))
            {
                json.WriteStartObject();
                json.WriteString("scheme", p.SchemeId);
                json.WriteString("id", p.ProvisionId);
                json.WriteString("title", p.Title);
                json.WriteString("status", p.Status);
                json.WriteString("change", Name(p.Kind));
                json.WriteString("old", p.OldVerdict);
                json.WriteString("new", p.NewVerdict);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var f in comparison.Findings)
            {
                json.WriteStartObject();
                json.WriteString("fingerprint", f.Fingerprint);
                json.WriteString("ruleId", f.RuleId);
                json.WriteString("severity", f.Severity);
                json.WriteString("artifact", f.Artifact);
                json.WriteString("message", f.Message);
                json.WriteString("change", Name(f.Kind));
                json.WriteString("old", Name(f.Old));
                json.WriteString("new", Name(f.New));
                json.WriteBoolean("waiverLapsed", f.WaiverLapsed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void Identity(Utf8JsonWriter json, string name, ReportIdentity report)
    {
        json.WriteStartObject(name);
        json.WriteString("path", report.Path);
        json.WriteString("toolVersion", report.ToolVersion);
        json.WriteString("rulesetSha256", report.RulesetSha256);
        json.WriteString("generatedAt", report.GeneratedAt);
        json.WriteStartArray("inputs");
        foreach (var input in report.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("name", input.Name);
            json.WriteString("sha256", input.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter json, ComparisonSummary summary)
    {
        json.WriteStartObject("summary");
        Counts(json, "schemes", summary.Schemes);
        Counts(json, "provisions", summary.Provisions);
        json.WriteStartObject("findings");
        json.WriteNumber("new", summary.Findings.New);
        json.WriteNumber("fixed", summary.Findings.Fixed);
        json.WriteNumber("persisting", summary.Findings.Persisting);
        json.WriteNumber("waived", summary.Findings.Waived);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter json, string name, ChangeCounts counts)
    {
        json.WriteStartObject(name);
        json.WriteNumber("unchanged", counts.Unchanged);
        json.WriteNumber("improved", counts.Improved);
        json.WriteNumber("regressed", counts.Regressed);
        json.WriteNumber("changed", counts.Changed);
        json.WriteNumber("added", counts.Added);
        json.WriteNumber("removed", counts.Removed);
        json.WriteEndObject();
    }

    private static void Rating(Utf8JsonWriter json, string name, ReportRating? rating)
    {
        if (rating is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("label", rating.Label);
        json.WriteNumber("score", rating.Score);
        json.WriteString("model", rating.Model);
        Number(json, "level", rating.Level);
        Number(json, "maxLevel", rating.MaxLevel);
        json.WriteString("grade", rating.Grade);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
