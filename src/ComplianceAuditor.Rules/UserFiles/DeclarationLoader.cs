using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Rules.Validation;
using ComplianceAuditor.Rules.Yaml;

namespace ComplianceAuditor.Rules.UserFiles;

/// <summary>
/// Loads a manufacturer's declaration (<c>audit --declaration FILE</c>): schema first, then every fact and answer
/// against the rule set — unknown facts, values a fact cannot take, schemes or provisions that do not exist, and
/// answers to provisions a declaration cannot settle are errors with their position, never silently ignored.
/// </summary>
public static class DeclarationLoader
{
    private static readonly Lazy<SchemaValidator> Schema = new(() => SchemaValidator.FromJson(EmbeddedData.DeclarationSchema));

    /// <param name="auditDate">The audit's date: a declared support period that ended before it fails the provisions it settles.</param>
    public static (Declaration? Declaration, IReadOnlyList<RuleLoadError> Errors) Load(string path, RuleSet ruleSet, DateOnly auditDate)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var errors = new List<RuleLoadError>();
        var file = UserDataFile.Read(path, Schema.Value, errors);
        if (file is null)
        {
            return (null, errors);
        }

        var facts = ReadFacts(file, ruleSet, errors);
        var answers = ReadAnswers(file, ruleSet, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var product = file.Root.Map("product");
        return (new Declaration
        {
            Source = file.Source.DisplayPath,
            Sha256 = file.Sha256,
            Product = product is null ? new ProductIdentity() : new ProductIdentity
            {
                Manufacturer = product.OptStr("manufacturer"),
                Model = product.OptStr("model"),
                FirmwareVersion = product.OptStr("firmwareVersion"),
                DeclaredBy = product.OptStr("declaredBy"),
                Date = product.OptStr("date"),
            },
            Facts = facts,
            Answers = [.. answers, .. ImpliedAnswers.From(facts, ruleSet, answers, auditDate)],
        }, []);
    }

    private static List<DeclaredFact> ReadFacts(UserDataFile file, RuleSet ruleSet, List<RuleLoadError> errors)
    {
        var facts = new List<DeclaredFact>();
        foreach (var (key, node) in file.Root.Map("facts")?.Entries ?? [])
        {
            var at = file.Source.Describe($"facts.{key.Value}");
            var fact = ruleSet.FindFact(key.Value);
            if (fact is null)
            {
                errors.Add(new RuleLoadError(file.Source.DescribeKey($"facts.{key.Value}"), $"unknown fact '{key.Value}' (see 'compliance-auditor declare --init' for the facts)"));
                continue;
            }

            IReadOnlyList<string> items = node is YSequence seq ? seq.Items.OfType<YScalar>().Select(s => s.Value).ToArray() : [FactsBinder.Normalise(((YScalar)node).Value)];
            if (fact.Type != FactType.List && node is YSequence)
            {
                errors.Add(new RuleLoadError(at, $"fact '{fact.Id}' takes one value, not a list"));
                continue;
            }

            var bad = items.Where(v => !FactValues.IsValid(fact, v)).ToArray();
            if (bad.Length > 0)
            {
                errors.Add(new RuleLoadError(at, $"fact '{fact.Id}' ({Expected(fact)}) cannot be '{string.Join("', '", bad)}'"));
                continue;
            }

            facts.Add(new DeclaredFact(fact.Id, string.Join(", ", items), fact.Type == FactType.List ? items : []));
        }

        return facts;
    }

    private static List<ProvisionAnswer> ReadAnswers(UserDataFile file, RuleSet ruleSet, List<RuleLoadError> errors)
    {
        var answers = new List<ProvisionAnswer>();
        foreach (var (schemeKey, schemeNode) in file.Root.Map("provisions")?.Entries ?? [])
        {
            var scheme = ruleSet.FindScheme(schemeKey.Value);
            if (scheme is null)
            {
                errors.Add(new RuleLoadError(file.Source.DescribeKey($"provisions.{schemeKey.Value}"), $"unknown scheme '{schemeKey.Value}' (see 'compliance-auditor schemes list')"));
                continue;
            }

            foreach (var (provisionKey, answerNode) in (schemeNode as YMapping)?.Entries ?? [])
            {
                var path = $"provisions.{schemeKey.Value}.{provisionKey.Value}";
                var provision = scheme.FindProvision(provisionKey.Value);
                if (provision is null)
                {
                    errors.Add(new RuleLoadError(file.Source.DescribeKey(path), $"scheme '{scheme.Id}' has no provision '{provisionKey.Value}'"));
                    continue;
                }

                if (!provision.Assessment.Contains(AssessmentMethod.Declaration))
                {
                    errors.Add(new RuleLoadError(file.Source.DescribeKey(path),
                        $"provision '{scheme.Id}:{provision.Id}' is not settled by declaration (assessed by {string.Join(", ", provision.Assessment).ToLowerInvariant()})"));
                    continue;
                }

                var answer = (YMapping)answerNode;
                var met = answer.Get("met") is YScalar m && ScalarTyping.Interpret(m) is true;
                // The schema says the same with if/then, which editors show but the validator we use does not apply.
                var needed = met ? "evidence" : "justification";
                if (string.IsNullOrWhiteSpace(answer.OptStr(needed)))
                {
                    errors.Add(new RuleLoadError(file.Source.Describe(path), $"an answer with met: {(met ? "true" : "false")} needs {(met ? "evidence (what shows it is met)" : "a justification (why it is not met)")}"));
                    continue;
                }

                answers.Add(new ProvisionAnswer(new ProvisionRef(scheme.Id, provision.Id), met, answer.OptStr("evidence")?.Trim(), answer.OptStr("justification")?.Trim()));
            }
        }

        return answers;
    }

    private static string Expected(FactDefinition fact) => fact.Type switch
    {
        FactType.Boolean => "true or false",
        FactType.Choice => "one of " + string.Join(", ", fact.Choices),
        FactType.List => "a list of " + string.Join(", ", fact.Choices),
        FactType.Date => "a date YYYY-MM-DD",
        FactType.Url => "an http(s):// or mailto: address",
        _ => "text",
    };
}
