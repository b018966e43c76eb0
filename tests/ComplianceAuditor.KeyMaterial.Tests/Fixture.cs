using ComplianceAuditor.KeyMaterial.Parsing;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Tests;

/// <summary>The generated fixtures (Fixtures/make-fixtures.sh) and shortcuts to scan and parse them.</summary>
internal static class Fixture
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    /// <summary>File name to the SPKI SHA-256 OpenSSL computed for it when the fixtures were made.</summary>
    public static IReadOnlyDictionary<string, string> ExpectedSpki { get; } = File.ReadAllLines(Path.Combine(Directory, "expected-spki.tsv"))
        .Select(line => line.Split('\t'))
        .ToDictionary(cells => cells[0], cells => cells[1], StringComparer.Ordinal);

    public static KeyMaterialFindings Find(string name) => KeyMaterialFinder.Find(Bytes(name));

    /// <summary>The single confirmed item of a fixture holding exactly one.</summary>
    public static KeyMaterialItem Single(string name)
    {
        var findings = Find(name);
        return Assert.Single(findings.Items);
    }

    public static List<KeyCandidate> Candidates(ReadOnlySpan<byte> data, long baseOffset = 0)
    {
        var candidates = new List<KeyCandidate>();
        KeyCandidateScanner.Scan(data, baseOffset, candidates);
        return candidates;
    }
}
