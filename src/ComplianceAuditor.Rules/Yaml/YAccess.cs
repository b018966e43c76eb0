namespace ComplianceAuditor.Rules.Yaml;

/// <summary>
/// Reads values out of a mapping that has already passed schema validation, so shapes are known to be right;
/// these helpers only convert.
/// </summary>
internal static class YAccess
{
    public static string Str(this YMapping map, string key) =>
        map.OptStr(key) ?? throw new InvalidOperationException($"'{key}' should have been required by the schema");

    public static string? OptStr(this YMapping map, string key) => map.Get(key) switch
    {
        YScalar s when ScalarTyping.Interpret(s) is not null => s.Value,
        _ => null,
    };

    public static IReadOnlyList<string> StrList(this YMapping map, string key) => map.Get(key) switch
    {
        YSequence seq => seq.Items.OfType<YScalar>().Select(s => s.Value).ToArray(),
        YScalar s when ScalarTyping.Interpret(s) is not null => [s.Value],
        _ => [],
    };

    public static IReadOnlyList<YMapping> MapList(this YMapping map, string key) => map.Get(key) switch
    {
        YSequence seq => seq.Items.OfType<YMapping>().ToArray(),
        _ => [],
    };

    public static YMapping? Map(this YMapping map, string key) => map.Get(key) as YMapping;

    public static T Enum<T>(string value)
        where T : struct, System.Enum =>
        System.Enum.Parse<T>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
}
