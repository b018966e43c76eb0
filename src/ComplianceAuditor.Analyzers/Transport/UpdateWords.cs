using ComplianceAuditor.Analyzers.Infrastructure;

namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>
/// Does a URL or a name say firmware or configuration? Names are split into words (<c>OtaUpdateUrl</c> is ota,
/// update, url) and a word counts when it is one of the short markers (fw, ota, bin) or begins with one of the longer
/// ones (updates, downloader, configuration...). A URL also counts when its path ends in an image, archive or
/// configuration file extension. "bin" counts only in names: in a URL path it is mostly cgi-bin.
/// </summary>
internal static class UpdateWords
{
    private static readonly ImmutableHashSet<string> ExactWords = ImmutableHashSet.Create(StringComparer.Ordinal, "fw", "ota", "bin");

    private static readonly ImmutableArray<string> PrefixWords = ImmutableArray.Create(
        "firmware", "update", "upgrade", "image", "download", "config", "manifest", "package", "release");

    private static readonly ImmutableArray<string> Extensions = ImmutableArray.Create(
        ".bin", ".hex", ".img", ".swu", ".raucb", ".mender", ".pe", ".zip", ".tar", ".gz", ".json", ".yaml", ".xml", ".cfg", ".conf");

    /// <summary>Does an identifier (or any text read as identifiers) say firmware or configuration?</summary>
    public static bool InName(string? name) => NameWords.Split(name).Any(IsUpdateWord);

    /// <summary>Does the URL's host, path or file extension say firmware or configuration?</summary>
    public static bool InUrl(string url)
    {
        var path = PathOf(url);
        if (Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return NameWords.Split(url).Any(w => w != "bin" && IsUpdateWord(w));
    }

    private static bool IsUpdateWord(string word) =>
        ExactWords.Contains(word) || PrefixWords.Any(p => word.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The URL without query and fragment.</summary>
    private static string PathOf(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url : url.Substring(0, end);
    }
}
