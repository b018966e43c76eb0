using System.Text;
using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Rules.UserFiles;

/// <summary>
/// The commented declaration a manufacturer fills in (<c>declare --init</c>): every fact the chosen schemes'
/// conditions ask about (and those of the schemes they derive from), then every provision a declaration can settle,
/// each with its question. Everything starts commented out, so the untouched template is a valid declaration that
/// declares nothing; each answer is uncommented as it is given.
/// </summary>
public static class DeclarationTemplate
{
    /// <summary>Asked whatever the schemes: the facts a lab reads first.</summary>
    private static readonly string[] CoreFacts =
        ["device-class", "connectivity", "update-mechanism", "debug-port-accessible", "support-period-end", "disclosure-policy-url"];

    public static string Write(RuleSet ruleSet, IReadOnlyList<SchemeDefinition> schemes, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(schemes);
        var text = new StringBuilder();
        Line(text, "# yaml-language-server: $schema=https://complianceauditor.example/schemas/declaration-schema.json");
        Line(text, $"# Manufacturer's declaration for ComplianceAuditor {toolVersion}, for: {string.Join(", ", schemes.Select(s => s.Id))}.");
        Line(text, "# Uncomment and answer what you can; leave the rest commented. A fact left out counts as unknown, so the");
        Line(text, "# provisions that depend on it stay applicable. Use it with: compliance-auditor audit TARGET --declaration FILE");
        Line(text, "# Answers are the manufacturer's statements: the report shows which verdicts rest on them, and where the audit's");
        Line(text, "# own evidence contradicts one.");
        Line(text, "schemaVersion: 1");
        Line(text, "product:");
        foreach (var field in new[] { "manufacturer", "model", "firmwareVersion", "declaredBy", "date" })
        {
            Line(text, $"  # {field}: {(field == "date" ? "YYYY-MM-DD" : "...")}");
        }

        Line(text, "");
        WriteFacts(text, ruleSet, schemes);
        Line(text, "");
        WriteProvisions(text, schemes);
        return text.ToString();
    }

    private static void WriteFacts(StringBuilder text, RuleSet ruleSet, IReadOnlyList<SchemeDefinition> schemes)
    {
        var chosen = Closure(ruleSet, schemes).ToArray();
        var asked = CoreFacts
            .Concat(chosen.SelectMany(s => s.Conditions).Select(c => c.Fact))
            .Concat(ruleSet.Facts.Where(f => f.Settles.Any(r => chosen.Any(s => s.Id == r.Scheme))).Select(f => f.Id))
            .Distinct(StringComparer.Ordinal)
            .Select(ruleSet.FindFact)
            .OfType<FactDefinition>()
            .OrderBy(f => ruleSet.Facts.ToList().IndexOf(f))
            .ToArray();
        Line(text, "facts:");
        foreach (var fact in asked)
        {
            Line(text, $"  # {fact.Question}");
            if (fact.Help is { } help)
            {
                Line(text, $"  #   {help}");
            }

            Line(text, $"  # {fact.Id}: {Placeholder(fact)}");
        }
    }

    private static void WriteProvisions(StringBuilder text, IReadOnlyList<SchemeDefinition> schemes)
    {
        Line(text, "# Provisions only a declaration (or a laboratory) can settle. For each one you answer, uncomment the scheme line");
        Line(text, "# and the provision's line: met: true needs evidence (a document and section, a URL, a test report);");
        Line(text, "# met: false needs a justification (EN 303 645 4-1 asks for one for every recommendation not met).");
        Line(text, "provisions:");
        foreach (var scheme in schemes)
        {
            var asked = scheme.Provisions.Where(p => p.Assessment.Contains(AssessmentMethod.Declaration)).ToArray();
            if (asked.Length == 0)
            {
                continue;
            }

            Line(text, "");
            Line(text, $"  # {scheme.ShortTitle} — {asked.Length} question(s)");
            Line(text, $"  # {scheme.Id}:");
            foreach (var p in asked)
            {
                var conditions = p.Conditions.Count == 0 ? "" : $", when ({string.Join(", ", p.Conditions)})";
                var automated = p.Assessment.Contains(AssessmentMethod.Automated) ? "; the audit also looks for evidence" : "";
                Line(text, $"    # {p.Id} ({p.Status.ToString().ToLowerInvariant()}{conditions}{automated}): {p.Title}");
                Line(text, $"    #   Q: {p.Question}");
                Line(text, $"    # \"{p.Id}\": {{ met: true, evidence: \"...\" }}");
            }
        }
    }

    /// <summary>The schemes and every scheme they derive from, whose conditions decide derived verdicts too.</summary>
    private static IEnumerable<SchemeDefinition> Closure(RuleSet ruleSet, IReadOnlyList<SchemeDefinition> schemes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<SchemeDefinition>(schemes);
        while (queue.TryDequeue(out var scheme))
        {
            if (!seen.Add(scheme.Id))
            {
                continue;
            }

            yield return scheme;
            foreach (var id in scheme.Provisions.SelectMany(p => p.DerivedFrom).Select(r => r.Scheme).Distinct(StringComparer.Ordinal))
            {
                if (ruleSet.FindScheme(id) is { } next)
                {
                    queue.Enqueue(next);
                }
            }
        }
    }

    private static string Placeholder(FactDefinition fact) => fact.Type switch
    {
        FactType.Boolean => "true    # or false",
        FactType.Choice => $"{fact.Choices[0]}    # one of: {string.Join(", ", fact.Choices)}",
        FactType.List => $"[{fact.Choices[0]}]    # any of: {string.Join(", ", fact.Choices)}",
        FactType.Date => "2031-12-31    # YYYY-MM-DD",
        FactType.Url => "https://example.com/security    # or mailto:security@example.com",
        _ => "\"...\"",
    };

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
