using System.Globalization;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Which component holds which, worked out from artifact paths, for images with very many components.</summary>
public sealed class MergerNestingTests
{
    private const int FileSystems = 200;

    private const int ProgramsEach = 100;

    [Fact]
    public void Twenty_thousand_components_each_nest_under_their_nearest_holder()
    {
        var sightings = new List<Sighting> { new(Whole("firmware", "fw.bin", "fw.bin"), ComponentMerger.InputDetector) };
        for (var f = 0; f < FileSystems; f++)
        {
            // fs1.squashfs and fs10.squashfs share a prefix that is not a path boundary: neither may hold the other's files.
            var fs = Invariant($"fw.bin!/fs{f}.squashfs");
            sightings.Add(new(Whole("file", Invariant($"fs{f}.squashfs"), fs), "container"));
            for (var p = 0; p < ProgramsEach; p++)
            {
                var program = Invariant($"{fs}!/usr/bin/prog{p}");
                sightings.Add(new(Whole("application", Invariant($"prog-{f}-{p}"), program), "elf-banner"));
                // A library linked into every hundredth program: it lies in the program's own file.
                if (p % 100 == 0)
                {
                    sightings.Add(new(Part("library", Invariant($"lib-{f}-{p}"), program), "elf-banner"));
                }
            }

            // A file the file system holds that no component occupies whole: the nearest holder is the file system.
            sightings.Add(new(Part("library", Invariant($"loose-{f}"), Invariant($"{fs}!/etc/deep/er/config")), "os-release"));
        }

        var byName = ComponentMerger.Merge(sightings).ToDictionary(c => c.Name, StringComparer.Ordinal);

        Assert.Equal(1 + (FileSystems * (ProgramsEach + 3)), byName.Count);
        Assert.Empty(byName["fw.bin"].ContainedIn);
        for (var f = 0; f < FileSystems; f++)
        {
            var fsId = byName[Invariant($"fs{f}.squashfs")].Id;
            Assert.Equal([byName["fw.bin"].Id], byName[Invariant($"fs{f}.squashfs")].ContainedIn);
            Assert.Equal([fsId], byName[Invariant($"loose-{f}")].ContainedIn);
            for (var p = 0; p < ProgramsEach; p++)
            {
                Assert.Equal([fsId], byName[Invariant($"prog-{f}-{p}")].ContainedIn);
            }

            Assert.Equal([byName[Invariant($"prog-{f}-0")].Id], byName[Invariant($"lib-{f}-0")].ContainedIn);
        }
    }

    [Fact]
    public void A_component_seen_in_two_file_systems_is_held_by_both_and_a_sibling_name_prefix_holds_nothing()
    {
        Sighting[] sightings =
        [
            new(Whole("firmware", "fw.bin", "fw.bin"), ComponentMerger.InputDetector),
            new(Whole("file", "a", "fw.bin!/a"), "container"),
            new(Whole("file", "b", "fw.bin!/b/c"), "container"),
            new(Part("library", "shared", "fw.bin!/a/lib/x.so"), "elf-banner"),
            new(Part("library", "shared", "fw.bin!/b/c!/lib/x.so"), "elf-banner"),
            // "fw.bin!/a" is a prefix of "fw.bin!/ab/..." but not a folder of it.
            new(Part("library", "neighbour", "fw.bin!/ab/lib/y.so"), "elf-banner"),
        ];

        var byName = ComponentMerger.Merge(sightings).ToDictionary(c => c.Name, StringComparer.Ordinal);

        Assert.Equal(["file:a", "file:b"], byName["shared"].ContainedIn);
        Assert.Equal(["firmware:fw.bin"], byName["neighbour"].ContainedIn);
        Assert.Equal(["firmware:fw.bin"], byName["b"].ContainedIn);
    }

    private static FoundComponent Whole(string type, string name, string path) =>
        new() { Type = type, Name = name, Path = path, IsWholeArtifact = true, Technique = "other", Evidence = "test" };

    private static FoundComponent Part(string type, string name, string path) =>
        new() { Type = type, Name = name, Path = path, Technique = "other", Evidence = "test" };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
