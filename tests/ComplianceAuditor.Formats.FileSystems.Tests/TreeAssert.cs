using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

/// <summary>Compares an extracted tree with the manifest of the source tree it was built from, entry by entry.</summary>
internal static class TreeAssert
{
    /// <param name="expectedMode">The mode the format can represent for a manifest entry.</param>
    /// <param name="expectedOwner">The (uid, gid) the format keeps for a manifest entry; null when it keeps none.</param>
    public static void Matches(
        IReadOnlyList<ManifestEntry> manifest,
        IReadOnlyList<ExtractedEntry> extracted,
        Func<ManifestEntry, int> expectedMode,
        Func<ManifestEntry, (long Uid, long Gid)>? expectedOwner)
    {
        var byPath = extracted.ToDictionary(e => e.Path, StringComparer.Ordinal);
        Assert.Equal(extracted.Count, byPath.Count);
        Assert.Equal(manifest.Select(m => m.Path).Order(StringComparer.Ordinal), extracted.Select(e => e.Path).Order(StringComparer.Ordinal));
        foreach (var expected in manifest)
        {
            var actual = byPath[expected.Path];
            var content = actual;
            if (actual.Type == EntryType.HardLink)
            {
                // A second name for a file: its content is the target's, which must be a file listed before it.
                Assert.Equal(EntryType.File, expected.EntryType);
                content = byPath[actual.LinkTarget!];
                Assert.True(extracted.ToList().IndexOf(content) < extracted.ToList().IndexOf(actual), $"{expected.Path}: link target comes later");
            }
            else
            {
                Assert.True(expected.EntryType == actual.Type, $"{expected.Path}: type {actual.Type}, expected {expected.EntryType}");
                var mode = expectedMode(expected);
                Assert.True(mode == actual.Mode, $"{expected.Path}: mode {Octal(actual.Mode)}, expected {Octal(mode)}");
                if (expectedOwner is not null)
                {
                    Assert.Equal((expectedOwner(expected).Uid, expectedOwner(expected).Gid), (actual.Uid!.Value, actual.Gid!.Value));
                }
            }

            switch (expected.EntryType)
            {
                case EntryType.File:
                    Assert.True(expected.Size == content.Size, $"{expected.Path}: size {content.Size}, expected {expected.Size}");
                    Assert.Equal(expected.Size, content.ContentLength);
                    Assert.True(expected.Sha256 == content.Sha256, $"{expected.Path}: content differs");
                    break;
                case EntryType.Symlink:
                    Assert.Equal(expected.LinkTarget, actual.LinkTarget);
                    break;
                case EntryType.CharDevice or EntryType.BlockDevice:
                    Assert.Equal(expected.Device, actual.Device);
                    break;
            }
        }
    }

    private static string Octal(int? mode) => mode is null ? "none" : Convert.ToString(mode.Value, 8);
}
