using ComplianceAuditor.Core.Rules;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Rules.Yaml;

/// <summary>
/// Converts a YAML tree to JSON for schema validation, and records the position of every node under the path
/// syntax the schema validator reports (<c>check.pattern</c>, <c>tests.mustMatch[2]</c>), so its errors and our
/// own later errors can both point at <c>file:line:column</c>.
/// </summary>
public static class YamlJson
{
    public static (JToken Json, IReadOnlyDictionary<string, SourcePosition> Positions) Convert(YNode root)
    {
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var json = Convert(root, "", positions);
        return (json, positions);
    }

    /// <summary>Plain CLR values for check parameters: string, bool, long, double, lists and maps of those.</summary>
    public static object? ToValue(YNode node) => node switch
    {
        YScalar s => ScalarTyping.Interpret(s),
        YSequence seq => seq.Items.Select(ToValue).ToArray(),
        YMapping map => map.Entries.ToDictionary(e => e.Key.Value, e => ToValue(e.Value), StringComparer.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static JToken Convert(YNode node, string path, Dictionary<string, SourcePosition> positions)
    {
        positions[path] = node.Position;
        switch (node)
        {
            case YScalar s:
                return ScalarTyping.Interpret(s) switch
                {
                    null => JValue.CreateNull(),
                    bool b => new JValue(b),
                    long l => new JValue(l),
                    double d => new JValue(d),
                    var other => new JValue((string)other),
                };
            case YSequence seq:
                var array = new JArray();
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    array.Add(Convert(seq.Items[i], $"{path}[{i}]", positions));
                }

                return array;
            case YMapping map:
                var obj = new JObject();
                foreach (var (key, value) in map.Entries)
                {
                    var childPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
                    positions[childPath + SourceFile.KeySuffix] = key.Position;
                    obj[key.Value] = Convert(value, childPath, positions);
                }

                return obj;
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }
}
