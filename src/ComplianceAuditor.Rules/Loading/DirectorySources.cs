using ComplianceAuditor.Rules.Validation;
using ComplianceAuditor.Rules.Yaml;

namespace ComplianceAuditor.Rules.Loading;

/// <summary>Reads a user's rule folder (<c>--rules DIR</c>): every <c>*.yaml</c> and <c>*.yml</c> below it, in path order.</summary>
public static class DirectorySources
{
    public static IReadOnlyList<DataFileSource> Read(string directory, List<RuleLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Directory.Exists(directory))
        {
            errors.Add(new RuleLoadError(directory, "rule folder does not exist"));
            return [];
        }

        string[] files;
        try
        {
            files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.ReparsePoint,
                    IgnoreInaccessible = false,
                })
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new RuleLoadError(directory, $"rule folder cannot be read: {Core.Text.IoErrors.Describe(e)}"));
            return [];
        }

        var sources = new List<DataFileSource>();
        foreach (var file in files)
        {
            var display = Path.Combine(directory, Path.GetRelativePath(directory, file)).Replace('\\', '/');
            try
            {
                if (new FileInfo(file).Length > YamlTreeReader.MaxBytes)
                {
                    errors.Add(new RuleLoadError($"{display}:1:1", $"file is larger than {YamlTreeReader.MaxBytes} bytes"));
                    continue;
                }

                sources.Add(new DataFileSource(display, File.ReadAllText(file), BuiltIn: false)
                {
                    HashPath = "user/" + Path.GetRelativePath(directory, file).Replace('\\', '/'),
                });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new RuleLoadError($"{display}:1:1", $"cannot read file: {Core.Text.IoErrors.Describe(e)}"));
            }
        }

        return sources;
    }
}
