using System.Text;
using System.Text.Json.Nodes;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Sarif;

/// <summary>A SARIF reporting descriptor for one rule: help text, level, and tags for catalog ids, provisions and CWE.</summary>
internal static class SarifRule
{
    public static JsonObject Build(RuleEntry rule)
    {
        var tags = new JsonArray(rule.Catalog
            .Prepend("security")
            .Concat(rule.Provisions)
            .Concat(rule.Cwe.Select(c => $"external/cwe/cwe-{c}"))
            .Concat(rule.Tags)
            .Distinct(StringComparer.Ordinal)
            .Select(t => (JsonNode)JsonValue.Create(t)!)
            .ToArray());

        var descriptor = new JsonObject
        {
            ["id"] = rule.Id,
            ["name"] = PascalName(rule.Title),
            ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
            ["fullDescription"] = new JsonObject { ["text"] = rule.Rationale },
            ["help"] = new JsonObject
            {
                ["text"] = $"{rule.Rationale}\n\nWhat to do: {rule.Remediation}",
                ["markdown"] = HelpMarkdown(rule),
            },
            ["defaultConfiguration"] = new JsonObject { ["level"] = SarifLevels.Level(rule.Severity) },
            ["properties"] = new JsonObject
            {
                ["tags"] = tags,
                ["precision"] = "high",
                ["problem.severity"] = SarifLevels.Level(rule.Severity) == "note" ? "recommendation" : SarifLevels.Level(rule.Severity),
                ["security-severity"] = SarifLevels.SecuritySeverity(rule.Severity),
                ["severity"] = rule.Severity,
                ["catalog"] = new JsonArray(rule.Catalog.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            },
        };
        var url = rule.References.FirstOrDefault(r => r.Url is not null)?.Url;
        if (url is not null)
        {
            descriptor["helpUri"] = url;
        }

        return descriptor;
    }

    private static string HelpMarkdown(RuleEntry rule)
    {
        var sb = new StringBuilder();
        sb.Append("**Why it matters**\n\n").Append(rule.Rationale).Append("\n\n**What to do**\n\n").Append(rule.Remediation).Append('\n');
        sb.Append("\n**Catalog checks:** ").Append(string.Join(", ", rule.Catalog)).Append('\n');
        if (rule.Provisions.Count > 0)
        {
            sb.Append("\n**Provisions:** ").Append(string.Join(", ", rule.Provisions)).Append('\n');
        }

        if (rule.References.Count > 0)
        {
            sb.Append("\n**References**\n\n");
            foreach (var r in rule.References)
            {
                sb.Append(r.Url is null ? $"- {r.Title}\n" : $"- [{r.Title}]({r.Url})\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>SARIF's <c>name</c> is an identifier-like form of the title.</summary>
    private static string PascalName(string title)
    {
        var sb = new StringBuilder();
        foreach (var word in title.Split([' ', '-', '/', '(', ')', ',', '.', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (clean.Length > 0)
            {
                sb.Append(char.ToUpperInvariant(clean[0])).Append(clean.AsSpan(1));
            }
        }

        return sb.ToString();
    }
}
