using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Rules.Yaml;

namespace ComplianceAuditor.Rules.Loading;

/// <summary>Turns a schema-valid rule document into a <see cref="RuleDefinition"/>.</summary>
internal static class RuleBinder
{
    public static RuleDefinition Bind(YMapping doc, SourceFile source, bool builtIn)
    {
        var appliesTo = doc.Map("appliesTo");
        var check = doc.Map("check") ?? throw new InvalidOperationException("check is required by the schema");
        var tests = doc.Map("tests");
        var messages = doc.Map("messages");

        return new RuleDefinition
        {
            Id = doc.Str("id"),
            Title = doc.Str("title"),
            Severity = YAccess.Enum<Severity>(doc.Str("severity")),
            Targets = appliesTo?.StrList("targets").Select(YAccess.Enum<TargetKind>).ToArray() ?? [],
            Artifacts = appliesTo?.StrList("artifacts").Select(YAccess.Enum<ArtifactKind>).ToArray() ?? [],
            History = appliesTo?.OptStr("history") == "true",
            Check = new CheckSpec(
                check.Str("kind"),
                check.Entries
                    .Where(e => e.Key.Value != "kind")
                    .ToDictionary(e => e.Key.Value, e => YamlJson.ToValue(e.Value), StringComparer.Ordinal)),
            Catalog = doc.StrList("catalog"),
            Provisions = doc.MapList("provisions").Select(p => new ProvisionRef(p.Str("scheme"), p.Str("provision"))).ToArray(),
            Rationale = doc.Str("rationale").Trim(),
            Remediation = doc.Str("remediation").Trim(),
            FailMessage = messages?.OptStr("fail"),
            PassMessage = messages?.OptStr("pass"),
            References = doc.MapList("references").Select(r => new RuleReference(r.Str("title"), r.OptStr("url"))).ToArray(),
            Tags = doc.StrList("tags"),
            Cwe = doc.StrList("cwe").Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Tests = tests is null ? RuleSelfTests.None : new RuleSelfTests(tests.StrList("mustMatch"), tests.StrList("mustNotMatch")),
            Source = source,
            BuiltIn = builtIn,
        };
    }
}
