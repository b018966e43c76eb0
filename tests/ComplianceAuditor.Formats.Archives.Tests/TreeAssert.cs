using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tests;

/// <summary>How an archive format keeps a second name for a file.</summary>
internal enum HardLinks
{
    /// <summary>tar: the second name is a hard-link entry pointing at the first.</summary>
    AsLinks,

    /// <summary>zip, 7z: every name is a full copy of the file.</summary>
    AsCopies,
}

internal static class TreeAssert
{
    /// <summary>
    /// The extracted entries are exactly the manifest's paths, each with its type, mode, size, content digest and link
    /// target; a second name of a file is a link to an earlier name of the same file or a full copy, as the format does it.
    /// </summary>
    public static void MatchesManifest(IReadOnlyList<Extracted> extracted, IReadOnlyList<ManifestEntry> manifest, HardLinks hardLinks, bool checkOwners = true)
    {
        var byPath = extracted.ToDictionary(e => e.Entry.Path, StringComparer.Ordinal);
        Assert.Equal(manifest.Select(m => m.Path).Order(StringComparer.Ordinal), byPath.Keys.Order(StringComparer.Ordinal));
        var order = extracted.Select((e, i) => (e.Entry.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);

        foreach (var expected in manifest)
        {
            var actual = byPath[expected.Path];
            var entry = actual.Entry;
            Assert.True(expected.Mode == entry.Mode, $"{expected.Path}: mode {Octal(entry.Mode)}, expected {Octal(expected.Mode)}");
            if (checkOwners)
            {
                Assert.Equal(0, entry.Uid);
                Assert.Equal(0, entry.Gid);
            }

            switch (expected.Type)
            {
                case "dir":
                    Assert.Equal(EntryType.Directory, entry.Type);
                    break;
                case "symlink":
                    Assert.Equal(EntryType.Symlink, entry.Type);
                    Assert.Equal(expected.LinkTarget, entry.LinkTarget);
                    break;
                case "file" when hardLinks == HardLinks.AsLinks && entry.Type == EntryType.HardLink:
                    Assert.NotNull(expected.HardlinkGroup);
                    var target = byPath[entry.LinkTarget!];
                    var targetManifest = manifest.Single(m => m.Path == entry.LinkTarget);
                    Assert.Equal(expected.HardlinkGroup, targetManifest.HardlinkGroup);
                    Assert.Equal(EntryType.File, target.Entry.Type);
                    Assert.True(order[entry.LinkTarget!] < order[expected.Path], $"{expected.Path}: links to {entry.LinkTarget}, which comes later");
                    break;
                case "file":
                    Assert.Equal(EntryType.File, entry.Type);
                    Assert.Equal(expected.Size, entry.Size);
                    Assert.Equal(expected.Size, actual.ContentLength);
                    Assert.Equal(expected.Sha256, actual.Sha256);
                    break;
                default:
                    Assert.Fail($"unknown manifest type {expected.Type}");
                    break;
            }
        }

        // In tar every group of names for one file has exactly one stored copy.
        if (hardLinks == HardLinks.AsLinks)
        {
            foreach (var group in manifest.Where(m => m.HardlinkGroup is not null).GroupBy(m => m.HardlinkGroup))
            {
                Assert.Equal(1, group.Count(m => byPath[m.Path].Entry.Type == EntryType.File));
            }
        }
    }

    private static string Octal(int? mode) => mode is { } m ? Convert.ToString(m, 8) : "none";
}
