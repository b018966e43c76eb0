using System.Text.Json;

namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>
/// A value of the baseline document together with its JSON path (<c>runs[0].results[3].ruleId</c>). Reading a
/// member of the wrong kind raises a <see cref="BaselineFormatException"/> that names that path, where a bare
/// <see cref="JsonElement"/> would throw an <see cref="InvalidOperationException"/> saying nothing useful.
/// A member that is JSON <c>null</c> reads as missing.
/// </summary>
internal readonly record struct BaselineNode(JsonElement Element, string Path)
{
    public static BaselineNode Root(JsonElement element) => new(element, "$");

    public BaselineNode? Member(string name, JsonValueKind kind)
    {
        if (Element.ValueKind != JsonValueKind.Object || !Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var node = new BaselineNode(value, $"{Path}.{name}");
        return value.ValueKind == kind ? node : throw node.Invalid($"is {KindName(value.ValueKind)}, expected {KindName(kind)}");
    }

    public BaselineNode Required(string name, JsonValueKind kind) =>
        Member(name, kind) ?? throw new BaselineFormatException($"{Path}.{name} is missing");

    public string? String(string name) => Member(name, JsonValueKind.String)?.Element.GetString();

    public string RequiredString(string name) => Required(name, JsonValueKind.String).Element.GetString()!;

    /// <summary>A whole number no smaller than <paramref name="minimum"/>, as the SARIF schema bounds regions.</summary>
    public long? Number(string name, long minimum)
    {
        if (Member(name, JsonValueKind.Number) is not { } node)
        {
            return null;
        }

        return node.Element.TryGetInt64(out var value) && value >= minimum
            ? value
            : throw node.Invalid($"is not a whole number of at least {minimum}");
    }

    /// <summary>The items of an array member (none when it is missing), each of which must be an object.</summary>
    public IEnumerable<BaselineNode> Objects(string name)
    {
        if (Member(name, JsonValueKind.Array) is not { } array)
        {
            yield break;
        }

        var index = 0;
        foreach (var item in array.Element.EnumerateArray())
        {
            var node = new BaselineNode(item, $"{array.Path}[{index++}]");
            yield return item.ValueKind == JsonValueKind.Object ? node : throw node.Invalid($"is {KindName(item.ValueKind)}, expected an object");
        }
    }

    /// <summary>As <see cref="Number"/>, for line and column numbers.</summary>
    public int? Integer(string name, int minimum) =>
        Number(name, minimum) is { } value ? value <= int.MaxValue ? (int)value : throw Invalid($"has a {name} too large for a line or column") : null;

    public BaselineFormatException Invalid(string problem) => new($"{Path} {problem}");

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };
}
