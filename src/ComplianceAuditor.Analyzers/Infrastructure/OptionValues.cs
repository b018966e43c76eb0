using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers.Infrastructure;

/// <summary>
/// Reads the analyzers' .editorconfig options for one syntax tree (editorconfig sections apply per file, global
/// configs to all). Entries that cannot be read are skipped here and reported once by the options analyzer (CMP4000),
/// so a typo never stops a rule from running with its defaults.
/// </summary>
public static class OptionValues
{
    public static ImmutableArray<string> Identifiers(AnalyzerOptions options, SyntaxTree tree, OptionKey key) =>
        Split(Raw(options, tree, key)).Where(IsWord).ToImmutableArray();

    public static ImmutableArray<ApiName> ApiNames(AnalyzerOptions options, SyntaxTree tree, OptionKey key)
    {
        var names = ImmutableArray.CreateBuilder<ApiName>();
        foreach (var entry in Split(Raw(options, tree, key)))
        {
            if (ApiName.TryParse(entry, out var name))
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }

    /// <summary>The entries of a raw value that cannot be read, with why: what CMP4000 reports.</summary>
    public static IEnumerable<(string Entry, string Problem)> Problems(OptionKey key, string raw)
    {
        foreach (var entry in Split(raw))
        {
            if (key.Kind == OptionValueKind.Identifiers && !IsWord(entry))
            {
                yield return (entry, "expected a word of letters, digits and underscores");
            }
            else if (key.Kind == OptionValueKind.ApiNames && !ApiName.TryParse(entry, out _))
            {
                yield return (entry, "expected a method as Type.Method or Namespace.Type.Method (Type..ctor for a constructor)");
            }
        }
    }

    internal static string? Raw(AnalyzerOptions options, SyntaxTree tree, OptionKey key)
    {
        // Roslyn stores the keys it reads lower-cased; asking for that form too keeps the lookup working whatever
        // comparer the host's option dictionaries use (ours are mixed-case, for readability in .editorconfig).
        var values = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return values.TryGetValue(key.Name, out var value) || values.TryGetValue(key.Name.ToLowerInvariant(), out value) ? value : null;
    }

    private static IEnumerable<string> Split(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? [] : raw!.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0);

    private static bool IsWord(string entry) => entry.All(c => char.IsLetterOrDigit(c) || c == '_');
}
