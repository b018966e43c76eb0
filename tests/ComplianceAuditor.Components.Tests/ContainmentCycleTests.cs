using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Crafted files cannot make two components hold each other: the containment the SBOM shows has no cycle.</summary>
public sealed class ContainmentCycleTests
{
    [Fact]
    public void Two_files_that_each_carry_the_others_banner_do_not_hold_each_other()
    {
        using var temp = new TempDirectory();
        // Each file is one product and carries the other's banner, so each would hold the other.
        temp.Write("rootfs/usr/lib/libssl.so.3", Fixture.Elf("OpenSSL 3.0.13 30 Jan 2024", "libcurl/8.5.0"));
        temp.Write("rootfs/usr/bin/curl", Fixture.Elf("libcurl/8.5.0", "OpenSSL 3.0.13 30 Jan 2024"));

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        var curl = Fixture.Single(result, "curl");
        var openssl = Fixture.Single(result, "openssl");
        // curl sorts first, so its edges are kept; OpenSSL's edge to curl would close the loop and is the one dropped.
        Assert.Equal(["firmware:rootfs", openssl.Id], curl.ContainedIn);
        Assert.Equal(["firmware:rootfs"], openssl.ContainedIn);
        AssertAcyclic(result.Components);
    }

    [Fact]
    public void A_longer_loop_through_three_files_is_cut_once()
    {
        Sighting[] sightings =
        [
            new(Whole("firmware", "fw", "fw"), ComponentMerger.InputDetector),
            new(Whole("library", "a", "fw!/a"), "elf-banner"),
            new(Part("library", "b", "fw!/a"), "elf-banner"),
            new(Whole("library", "b", "fw!/b"), "elf-banner"),
            new(Part("library", "c", "fw!/b"), "elf-banner"),
            new(Whole("library", "c", "fw!/c"), "elf-banner"),
            new(Part("library", "a", "fw!/c"), "elf-banner"),
        ];

        var components = ComponentMerger.Merge(sightings);

        AssertAcyclic(components);
        var byName = components.ToDictionary(c => c.Name, StringComparer.Ordinal);
        // Taken in name order: a keeps c as a holder and b keeps a; c held by b would then be held by itself.
        Assert.Equal(["firmware:fw", "library:c"], byName["a"].ContainedIn);
        Assert.Equal(["firmware:fw", "library:a"], byName["b"].ContainedIn);
        Assert.Equal(["firmware:fw"], byName["c"].ContainedIn);
    }

    /// <summary>Fails when following "contained in" from any component comes back to a component already on the way.</summary>
    private static void AssertAcyclic(IReadOnlyList<ComponentEntry> components)
    {
        var holders = components.ToDictionary(c => c.Id, c => c.ContainedIn, StringComparer.Ordinal);
        foreach (var start in holders.Keys)
        {
            Visit(start, []);
        }

        void Visit(string id, HashSet<string> path)
        {
            Assert.True(path.Add(id), $"cycle through {id}");
            foreach (var holder in holders[id])
            {
                Visit(holder, [.. path]);
            }
        }
    }

    private static FoundComponent Whole(string type, string name, string path) =>
        new() { Type = type, Name = name, Path = path, IsWholeArtifact = true, Technique = "other", Evidence = "test" };

    private static FoundComponent Part(string type, string name, string path) =>
        new() { Type = type, Name = name, Path = path, Technique = "other", Evidence = "test" };
}
