using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Bundles.Common;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Mender;

/// <summary>
/// Checks each manifest line against the file it names: members of the outer tar (version, header.tar.gz) directly,
/// payload files inside their data archive. A file the artifact holds but the manifest does not list is not covered
/// by the signature, and counts as a failure too.
/// </summary>
internal static class MenderIntegrity
{
    private static readonly HashSet<string> Unlisted = new(StringComparer.Ordinal) { "manifest", "manifest.sig", "manifest-augment" };

    public static IntegrityFinding? Check(MenderManifest manifest, TarArchive outer, ReadOnlyMemory<byte> bytes, List<InspectionFact> facts)
    {
        if (manifest.Lines.Count == 0)
        {
            return null;
        }

        var problems = new List<string>();
        var payload = MenderPayloadDigests.Compute(outer, bytes, problems);
        int matched = 0, failed = 0;
        foreach (var (path, expected) in manifest.Lines)
        {
            string? actual = outer.Find(path) is { } member
                ? Convert.ToHexStringLower(SHA256.HashData(bytes.Span.Slice((int)member.Offset, (int)member.Size)))
                : payload.GetValueOrDefault(path);
            var verdict = actual is null ? "not found in the artifact" : actual == expected ? "sha256 matches" : "sha256 does not match";
            facts.Add(new("manifest: " + path, verdict));
            if (actual == expected)
            {
                matched++;
            }
            else if (actual is not null || problems.Count == 0)
            {
                // A file missing because its archive could not be read is unchecked, not failed.
                failed++;
            }
        }

        var listed = manifest.Lines.Select(l => l.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var name in outer.Entries.Select(e => e.Name).Where(n => !Unlisted.Contains(n) && !n.StartsWith("data/", StringComparison.Ordinal) && !listed.Contains(n)))
        {
            facts.Add(new("manifest: " + name, "in the artifact but not listed in the manifest: the signature does not cover it"));
            failed++;
        }

        foreach (var name in payload.Keys.Where(n => !listed.Contains(n)).Order(StringComparer.Ordinal))
        {
            facts.Add(new("manifest: " + name, "in the payload but not listed in the manifest: the signature does not cover it"));
            failed++;
        }

        facts.AddRange(problems.Select(p => new InspectionFact("payload", p)));
        bool? matches = failed > 0 ? false : problems.Count > 0 || matched == 0 ? null : true;
        return new IntegrityFinding("SHA-256", matches, string.Create(CultureInfo.InvariantCulture,
            $"{manifest.Lines.Count} files listed in the manifest; {matched} matched"));
    }
}
