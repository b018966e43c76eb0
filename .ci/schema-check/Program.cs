using NJsonSchema;

// Usage: schema-check SCHEMA.json FILE.json... ; exits 1 and lists every error when a file is invalid.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: schema-check SCHEMA.json FILE.json...");
    return 2;
}

var schema = await JsonSchema.FromFileAsync(args[0]);
var failed = false;
foreach (var file in args[1..])
{
    var errors = schema.Validate(await File.ReadAllTextAsync(file));
    foreach (var error in errors)
    {
        Console.Error.WriteLine($"{file}: {error.Path}: {error.Kind}");
    }

    Console.WriteLine($"{file}: {(errors.Count == 0 ? "valid" : $"{errors.Count} error(s)")} against {Path.GetFileName(args[0])}");
    failed |= errors.Count > 0;
}

return failed ? 1 : 0;
