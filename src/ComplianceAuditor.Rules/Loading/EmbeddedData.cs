using System.Reflection;

namespace ComplianceAuditor.Rules.Loading;

/// <summary>The rule files and schemas built into this assembly from the repository's <c>rules/</c> folder.</summary>
public static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    public static IReadOnlyList<DataFileSource> BuiltInSources() =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal) || n.StartsWith("rules\\", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            // RecursiveDir gives backslashes when the tool is built on Windows; names are paths with '/' everywhere.
            .Select(n => new DataFileSource(n.Replace('\\', '/'), Read(n), BuiltIn: true))
            .ToArray();

    public static string RulesSchema => Read("schemas/rules-schema.json");

    public static string SchemeSchema => Read("schemas/scheme-schema.json");

    public static string CatalogSchema => Read("schemas/catalog-schema.json");

    public static string FactsSchema => Read("schemas/facts-schema.json");

    public static string DeclarationSchema => Read("schemas/declaration-schema.json");

    public static string WaiversSchema => Read("schemas/waivers-schema.json");

    private static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
