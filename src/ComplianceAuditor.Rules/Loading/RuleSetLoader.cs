using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;
using ComplianceAuditor.Rules.Validation;
using ComplianceAuditor.Rules.Yaml;

namespace ComplianceAuditor.Rules.Loading;

/// <summary>
/// Loads rules, schemes and the check catalog: parse strictly, validate each raw document against its JSON Schema,
/// bind, then run the cross-file checks of <see cref="RuleSetValidator"/>. Every problem is collected, so one run
/// lists all broken files instead of the first.
/// </summary>
public sealed class RuleSetLoader
{
    private static readonly Lazy<SchemaValidator> RuleSchema = new(() => SchemaValidator.FromJson(EmbeddedData.RulesSchema));
    private static readonly Lazy<SchemaValidator> SchemeSchema = new(() => SchemaValidator.FromJson(EmbeddedData.SchemeSchema));
    private static readonly Lazy<SchemaValidator> CatalogSchema = new(() => SchemaValidator.FromJson(EmbeddedData.CatalogSchema));
    private static readonly Lazy<SchemaValidator> FactsSchema = new(() => SchemaValidator.FromJson(EmbeddedData.FactsSchema));

    /// <summary>Loads the built-in data plus every folder in <paramref name="userRuleDirectories"/>.</summary>
    public static RuleSetLoadResult Load(IEnumerable<string> userRuleDirectories)
    {
        var errors = new List<RuleLoadError>();
        var sources = EmbeddedData.BuiltInSources().ToList();
        foreach (var dir in userRuleDirectories)
        {
            sources.AddRange(DirectorySources.Read(dir, errors));
        }

        return Load(sources, errors);
    }

    public static RuleSetLoadResult Load(IReadOnlyList<DataFileSource> sources, IReadOnlyList<RuleLoadError>? earlierErrors = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var errors = new List<RuleLoadError>(earlierErrors ?? []);
        var rules = new List<RuleDefinition>();
        var schemes = new List<SchemeDefinition>();
        var catalog = new List<CatalogCheck>();
        var facts = new List<FactDefinition>();

        foreach (var source in sources)
        {
            LoadOne(source, new Loaded(rules, schemes, catalog, facts), errors);
        }

        errors.AddRange(RuleSetValidator.Validate(rules, schemes, catalog, facts));
        if (errors.Count > 0)
        {
            return new RuleSetLoadResult(null, errors);
        }

        var ruleSet = new RuleSet
        {
            Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray(),
            Schemes = schemes.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray(),
            Catalog = catalog.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray(),
            Facts = facts,
            Sha256 = HashOf(sources),
        };
        return new RuleSetLoadResult(ruleSet, []);
    }

    /// <summary>
    /// Rules have a <c>check</c>; schemes list <c>provisions</c> (which rules may also map to); the catalog lists
    /// <c>checks</c>; the declaration vocabulary lists <c>facts</c>.
    /// </summary>
    public static DataFileKind Classify(YMapping doc) =>
        doc.Has("check") || doc.Get("id") is YScalar { Value: var id } && id.StartsWith("CMP", StringComparison.Ordinal) ? DataFileKind.Rule
        : doc.Has("provisions") ? DataFileKind.Scheme
        : doc.Has("facts") ? DataFileKind.Facts
        : doc.Has("checks") ? DataFileKind.Catalog
        : DataFileKind.Rule;

    private sealed record Loaded(List<RuleDefinition> Rules, List<SchemeDefinition> Schemes, List<CatalogCheck> Catalog, List<FactDefinition> Facts);

    private static void LoadOne(DataFileSource source, Loaded loaded, List<RuleLoadError> errors)
    {
        YNode root;
        try
        {
            root = YamlTreeReader.Read(source.Text, source.DisplayPath);
        }
        catch (DataFileException e)
        {
            errors.Add(new RuleLoadError(e.Location, e.Problem));
            return;
        }

        if (root is not YMapping doc)
        {
            errors.Add(new RuleLoadError($"{source.DisplayPath}:{root.Position.Line}:{root.Position.Column}", "the document must be a mapping"));
            return;
        }

        var (json, positions) = YamlJson.Convert(doc);
        var file = new SourceFile(source.DisplayPath, positions);
        var kind = Classify(doc);
        var validator = kind switch
        {
            DataFileKind.Scheme => SchemeSchema.Value,
            DataFileKind.Catalog => CatalogSchema.Value,
            DataFileKind.Facts => FactsSchema.Value,
            _ => RuleSchema.Value,
        };

        var schemaErrors = validator.Validate(json, file);
        if (schemaErrors.Count > 0)
        {
            errors.AddRange(schemaErrors);
            return;
        }

        switch (kind)
        {
            case DataFileKind.Scheme:
                loaded.Schemes.Add(SchemeBinder.Bind(doc, file));
                break;
            case DataFileKind.Catalog:
                loaded.Catalog.AddRange(CatalogBinder.Bind(doc));
                break;
            case DataFileKind.Facts:
                loaded.Facts.AddRange(FactsBinder.Bind(doc));
                break;
            default:
                loaded.Rules.Add(RuleBinder.Bind(doc, file, source.BuiltIn));
                break;
        }
    }

    private static string HashOf(IEnumerable<DataFileSource> sources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in sources.OrderBy(s => s.HashPath, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(s.HashPath + "\0" + s.Text.ReplaceLineEndings("\n") + "\0"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
