using ComplianceAuditor.Core.Rules;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ComplianceAuditor.Rules.Validation;

/// <summary>Validates the JSON form of a data file against a draft-07 schema and words the errors for people.</summary>
public sealed class SchemaValidator
{
    private readonly JsonSchema _schema;

    private SchemaValidator(JsonSchema schema)
    {
        _schema = schema;
    }

    public static SchemaValidator FromJson(string schemaJson) =>
        new(JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult());

    public IReadOnlyList<RuleLoadError> Validate(JToken json, SourceFile source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new List<RuleLoadError>();
        foreach (var error in Flatten(_schema.Validate(json)))
        {
            var path = NodePath(error.Path);
            var location = error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed ? source.DescribeKey(path) : source.Describe(path);
            errors.Add(new RuleLoadError(location, Describe(error, path)));
        }

        return errors
            .DistinctBy(e => e.ToString())
            .OrderBy(e => Position(e.Location))
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>(line, column) of a <c>file:line:column</c> location, so line 10 sorts after line 9.</summary>
    private static (int, int) Position(string location)
    {
        var parts = location.Split(':');
        return parts.Length >= 3
            && int.TryParse(parts[^2], System.Globalization.CultureInfo.InvariantCulture, out var line)
            && int.TryParse(parts[^1], System.Globalization.CultureInfo.InvariantCulture, out var column)
            ? (line, column)
            : (0, 0);
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    /// <summary>NJsonSchema paths look like <c>#/check.pattern</c>; our positions use <c>check.pattern</c>.</summary>
    private static string NodePath(string? schemaPath) => schemaPath switch
    {
        null or "#" => "",
        _ when schemaPath.StartsWith("#/", StringComparison.Ordinal) => schemaPath[2..],
        _ => schemaPath,
    };

    private static string Describe(ValidationError error, string path)
    {
        var at = path.Length == 0 ? "the document" : $"'{path}'";
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown key '{error.Property}'",
            ValidationErrorKind.PropertyRequired => $"missing required key '{error.Property}'",
            ValidationErrorKind.NotInEnumeration => $"{at} has a value that is not allowed; allowed: {Allowed(error.Schema)}",
            ValidationErrorKind.PatternMismatch => $"{at} does not match the pattern {error.Schema?.Pattern}",
            ValidationErrorKind.StringExpected => $"{at} must be a string",
            ValidationErrorKind.ArrayExpected => $"{at} must be a list",
            ValidationErrorKind.ObjectExpected => $"{at} must be a mapping",
            ValidationErrorKind.IntegerExpected => $"{at} must be a whole number",
            ValidationErrorKind.NumberExpected => $"{at} must be a number",
            ValidationErrorKind.BooleanExpected => $"{at} must be true or false",
            ValidationErrorKind.TooFewItems => $"{at} has too few items",
            ValidationErrorKind.TooManyItems => $"{at} has too many items",
            ValidationErrorKind.ItemsNotUnique => $"{at} has duplicate items",
            ValidationErrorKind.StringTooShort => $"{at} is too short",
            ValidationErrorKind.StringTooLong => $"{at} is too long",
            _ => $"{at}: {error.Kind}",
        };
    }

    private static string Allowed(JsonSchema? schema) =>
        schema is null || schema.Enumeration.Count == 0 ? "(see rules-schema.json)" : string.Join(", ", schema.Enumeration);
}
