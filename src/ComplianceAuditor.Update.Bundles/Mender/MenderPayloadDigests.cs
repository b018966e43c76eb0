using ComplianceAuditor.Update.Bundles.Common;

namespace ComplianceAuditor.Update.Bundles.Mender;

/// <summary>
/// The SHA-256 of every file inside the artifact's payload archives (<c>data/0000.tar.gz</c> holds the files the
/// manifest lists as <c>data/0000/&lt;name&gt;</c>), computed while decompressing, with the output bounded.
/// </summary>
internal static class MenderPayloadDigests
{
    /// <summary>Decompressed payload bytes hashed per artifact; beyond it the remaining digests stay unchecked.</summary>
    public const long MaxDecompressed = 1L << 30;

    public static Dictionary<string, string> Compute(TarArchive outer, ReadOnlyMemory<byte> bytes, List<string> problems)
    {
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in outer.Entries.Where(e => e.Name.StartsWith("data/", StringComparison.Ordinal)))
        {
            var content = bytes.Slice((int)entry.Offset, (int)entry.Size);
            var prefix = entry.Name.EndsWith(".tar.gz", StringComparison.Ordinal) ? entry.Name[..^".tar.gz".Length]
                : entry.Name.EndsWith(".tar", StringComparison.Ordinal) ? entry.Name[..^".tar".Length]
                : null;
            if (prefix is null)
            {
                problems.Add($"{entry.Name}: compressed in a way this version does not read; its files were not checked");
                continue;
            }

            using var stream = entry.Name.EndsWith(".gz", StringComparison.Ordinal)
                ? BoundedGzip.Open(content, MaxDecompressed)
                : new ReadOnlyMemoryStream(content);
            var result = TarStreamDigests.Compute(stream);
            foreach (var (name, sha256) in result.Sha256)
            {
                digests[prefix + "/" + name] = sha256;
            }

            if (result.Problem is { } problem)
            {
                problems.Add($"{entry.Name}: {problem}");
            }
        }

        return digests;
    }
}
