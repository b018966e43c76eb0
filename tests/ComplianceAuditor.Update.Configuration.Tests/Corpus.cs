using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Update.Configuration.Tests;

/// <summary>Reads files of the shared corpus (tests that use it carry a SharedFact naming the file).</summary>
internal static class Corpus
{
    public static string Text(string relative) => File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "corpus", relative));

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path.Combine(RepositoryPaths.Shared, "corpus", relative));

    /// <summary>The 1-based line of the first line containing <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(fragment, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"'{fragment}' not found");
    }
}
