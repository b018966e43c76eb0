using System.Globalization;

namespace ComplianceAuditor.Core.Rules;

/// <summary>
/// The <c>check:</c> block of a rule: a kind that names a registered C# check, and that check's parameters as
/// plain values (string, bool, long, double, lists and maps of those). Each check reads and validates its own
/// parameters when it is prepared, through the typed accessors below, which name the offending node on error.
/// </summary>
public sealed class CheckSpec
{
    private readonly IReadOnlyDictionary<string, object?> _parameters;

    public CheckSpec(string kind, IReadOnlyDictionary<string, object?> parameters)
    {
        Kind = kind;
        _parameters = parameters;
    }

    public string Kind { get; }

    public IEnumerable<string> ParameterNames => _parameters.Keys;

    public bool Has(string name) => _parameters.ContainsKey(name);

    public string GetString(string name) =>
        TryGetString(name) ?? throw new CheckParameterException(name, $"check.{name} is required for check kind '{Kind}'");

    public string? TryGetString(string name) => _parameters.TryGetValue(name, out var v) switch
    {
        false => null,
        true when v is string s => s,
        true when v is null => null,
        _ => throw new CheckParameterException(name, $"check.{name} must be a string"),
    };

    public bool GetBool(string name, bool defaultValue) => _parameters.TryGetValue(name, out var v) switch
    {
        false => defaultValue,
        true when v is bool b => b,
        _ => throw new CheckParameterException(name, $"check.{name} must be true or false"),
    };

    public long GetInt(string name, long defaultValue) => _parameters.TryGetValue(name, out var v) switch
    {
        false => defaultValue,
        true when v is long l => l,
        _ => throw new CheckParameterException(name, $"check.{name} must be a whole number"),
    };

    /// <summary>A number; whole numbers are accepted too.</summary>
    public double GetDouble(string name, double defaultValue) => _parameters.TryGetValue(name, out var v) switch
    {
        false => defaultValue,
        true when v is double d => d,
        true when v is long l => l,
        _ => throw new CheckParameterException(name, $"check.{name} must be a number"),
    };

    /// <summary>A list of strings; a single string is accepted as a one-element list.</summary>
    public IReadOnlyList<string> GetStringList(string name)
    {
        if (!_parameters.TryGetValue(name, out var v) || v is null)
        {
            return [];
        }

        return v switch
        {
            string s => [s],
            IReadOnlyList<object?> list => list.Select((item, i) => item as string
                ?? throw new CheckParameterException($"{name}[{i}]", $"check.{name}[{i}] must be a string")).ToArray(),
            _ => throw new CheckParameterException(name, $"check.{name} must be a list of strings"),
        };
    }

    /// <summary>A list of maps (for example a list of byte patterns).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> GetMapList(string name)
    {
        if (!_parameters.TryGetValue(name, out var v) || v is null)
        {
            return [];
        }

        if (v is not IReadOnlyList<object?> list)
        {
            throw new CheckParameterException(name, $"check.{name} must be a list");
        }

        return list.Select((item, i) => item as IReadOnlyDictionary<string, object?>
            ?? throw new CheckParameterException($"{name}[{i}]", $"check.{name}[{i}] must be a mapping")).ToArray();
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind}({string.Join(", ", _parameters.Keys)})");
}
