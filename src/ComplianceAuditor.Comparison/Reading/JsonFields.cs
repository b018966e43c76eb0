using System.Text.Json;

namespace ComplianceAuditor.Comparison.Reading;

/// <summary>
/// Typed access to the fields of a parsed report. Every wrong kind or missing required field becomes an
/// <see cref="InvalidReportException"/> naming the field's path (<c>schemes[1].rating.score</c>), instead of the
/// <see cref="InvalidOperationException"/> that <see cref="JsonElement"/> would throw. A JSON <c>null</c> counts as absent.
/// </summary>
internal static class JsonFields
{
    public static JsonElement Required(JsonElement parent, string name, string path, JsonValueKind kind)
    {
        var value = Optional(parent, name, path, kind)
            ?? throw new InvalidReportException($"{Join(path, name)} is missing");
        return value;
    }

    public static JsonElement? Optional(JsonElement parent, string name, string path, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != kind)
        {
            throw new InvalidReportException($"{Join(path, name)} is {Describe(value.ValueKind)}, expected {Describe(kind)}");
        }

        return value;
    }

    public static string String(JsonElement parent, string name, string path) =>
        Required(parent, name, path, JsonValueKind.String).GetString()!;

    public static string? OptionalString(JsonElement parent, string name, string path) =>
        Optional(parent, name, path, JsonValueKind.String)?.GetString();

    public static double Number(JsonElement parent, string name, string path) =>
        Required(parent, name, path, JsonValueKind.Number).GetDouble();

    public static int? OptionalInteger(JsonElement parent, string name, string path)
    {
        if (Optional(parent, name, path, JsonValueKind.Number) is not { } value)
        {
            return null;
        }

        return value.TryGetInt32(out var number)
            ? number
            : throw new InvalidReportException($"{Join(path, name)} is not a whole number");
    }

    /// <summary>True or false; JSON has two kinds for them, so this does not go through <see cref="Optional"/>.</summary>
    public static bool Boolean(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new InvalidReportException($"{Join(path, name)} is missing");
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidReportException($"{Join(path, name)} is {Describe(value.ValueKind)}, expected a boolean"),
        };
    }

    /// <summary>The elements of a required array, each with its path, all of which must be objects.</summary>
    public static IEnumerable<(JsonElement Item, string Path)> Objects(JsonElement parent, string name, string path)
    {
        var array = Required(parent, name, path, JsonValueKind.Array);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{Join(path, name)}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidReportException($"{itemPath} is {Describe(item.ValueKind)}, expected an object");
            }

            yield return (item, itemPath);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };
}
