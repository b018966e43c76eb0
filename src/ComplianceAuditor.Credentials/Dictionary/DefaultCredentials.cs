namespace ComplianceAuditor.Credentials.Dictionary;

/// <summary>The built-in dictionary, read once from the embedded default-credentials.tsv.</summary>
public static class DefaultCredentials
{
    public const string MiraiSource = "mirai-2016";
    public const string VendorSource = "vendor-defaults";
    private const string ResourceName = "ComplianceAuditor.Credentials.Dictionary.default-credentials.tsv";

    private static readonly Lazy<IReadOnlyList<DefaultCredential>> Loaded = new(Load);

    /// <summary>Every built-in entry, sources in file order and entries in source order.</summary>
    public static IReadOnlyList<DefaultCredential> BuiltIn => Loaded.Value;

    public static IReadOnlyList<DefaultCredential> FromSource(string source) =>
        BuiltIn.Where(entry => string.Equals(entry.Source, source, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Reads lines of "username TAB password TAB source" ("*" for any user; '#' comments). This reads the library's own
    /// resource, so a malformed line is a build defect and throws <see cref="FormatException"/>.
    /// </summary>
    internal static IReadOnlyList<DefaultCredential> Parse(string text)
    {
        var entries = new List<DefaultCredential>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[0].Length == 0 || fields[2].Length == 0)
            {
                throw new FormatException($"default credentials line {number}: username, password and source expected");
            }

            var index = counts[fields[2]] = counts.GetValueOrDefault(fields[2]) + 1;
            entries.Add(new DefaultCredential(fields[2], index, fields[0] == "*" ? null : fields[0], fields[1]));
        }

        return entries;
    }

    private static IReadOnlyList<DefaultCredential> Load()
    {
        using var stream = typeof(DefaultCredentials).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(ResourceName + " is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
