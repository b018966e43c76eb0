using System.Text.Json;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Components.Tests;

/// <summary>The merged components, and the SBOM written from them, do not depend on the order the artifacts arrived in.</summary>
public sealed class MergeOrderTests
{
    [Fact]
    public async Task The_same_sightings_in_another_order_give_the_same_components_and_the_same_sbom_bytes()
    {
        Sighting[] sightings =
        [
            new(Whole("firmware", "fw.bin", "fw.bin"), ComponentMerger.InputDetector),
            new(Whole("file", "rootfs.squashfs", "fw.bin!/rootfs.squashfs"), "container"),
            new(Whole("application", "busybox", "fw.bin!/rootfs.squashfs!/bin/busybox") with { Version = "1.36.1", Purl = PurlKind.Generic, Product = "busybox" }, "busybox-banner"),
            new(Whole("application", "busybox", "fw.bin!/rootfs.squashfs!/sbin/busybox") with { Version = "1.36.1", Purl = PurlKind.Generic, Product = "busybox" }, "busybox-banner"),
            // Two libraries that each hold the other: which edge is dropped must not depend on the order.
            new(Whole("library", "openssl", "fw.bin!/rootfs.squashfs!/usr/lib/libssl.so.3") with { Version = "3.0.13", Purl = PurlKind.Generic }, "elf-banner"),
            new(Part("library", "curl", "fw.bin!/rootfs.squashfs!/usr/lib/libssl.so.3") with { Version = "8.5.0", Purl = PurlKind.Generic }, "elf-banner"),
            new(Whole("library", "curl", "fw.bin!/rootfs.squashfs!/usr/bin/curl") with { Version = "8.5.0", Purl = PurlKind.Generic }, "elf-banner"),
            new(Part("library", "openssl", "fw.bin!/rootfs.squashfs!/usr/bin/curl") with { Version = "3.0.13", Purl = PurlKind.Generic }, "elf-banner"),
            // One purl for two component types: the second to be numbered gets "#2", and it must be the same one each time.
            new(Part("library", "zlib", "fw.bin!/rootfs.squashfs!/usr/lib/libz.so.1") with { Version = "1.3", Purl = PurlKind.Generic }, "elf-banner"),
            new(Part("application", "zlib", "fw.bin!/rootfs.squashfs!/usr/bin/minigzip") with { Version = "1.3", Purl = PurlKind.Generic }, "elf-banner"),
            // One place listed twice by one detector, with different evidence and supplier: the first kept must not vary.
            new(Part("application", "dropbear", "fw.bin!/rootfs.squashfs!/var/lib/dpkg/status") with { Version = "2022.83", Supplier = "Debian", Evidence = "stanza 2" }, "dpkg-status"),
            new(Part("application", "dropbear", "fw.bin!/rootfs.squashfs!/var/lib/dpkg/status") with { Version = "2022.83", Supplier = "Vendor", Evidence = "stanza 7" }, "dpkg-status"),
        ];

        var forward = ComponentMerger.Merge(sightings);
        var reversed = ComponentMerger.Merge([.. sightings.Reverse()]);
        // Every other sighting first, then the rest: a different order again.
        var interleaved = ComponentMerger.Merge([.. sightings.Where((_, i) => i % 2 == 1), .. sightings.Where((_, i) => i % 2 == 0)]);

        Assert.Equal(Json(forward), Json(reversed));
        Assert.Equal(Json(forward), Json(interleaved));
        var sbom = await Sbom.WriteAsync(forward, "fw.bin");
        Assert.Equal(sbom, await Sbom.WriteAsync(reversed, "fw.bin"));
        Assert.Equal(sbom, await Sbom.WriteAsync(interleaved, "fw.bin"));
        // The components really are there, so the comparison is not of two empty lists.
        Assert.Equal(2, forward.Count(c => c.Id.StartsWith("pkg:generic/zlib@1.3", StringComparison.Ordinal)));
        Assert.Equal(
            ["fw.bin!/rootfs.squashfs!/bin/busybox", "fw.bin!/rootfs.squashfs!/sbin/busybox"],
            Assert.Single(forward, c => c.Name == "busybox").Occurrences.Select(o => o.Path));
    }

    /// <summary>Records compare their lists by reference, so the components are compared as the JSON they serialise to.</summary>
    private static string Json(IReadOnlyList<ComponentEntry> components) => JsonSerializer.Serialize(components);

    private static FoundComponent Whole(string type, string name, string path) =>
        new() { Type = type, Name = name, Path = path, IsWholeArtifact = true, Technique = "other", Evidence = "test" };

    private static FoundComponent Part(string type, string name, string path) =>
        new() { Type = type, Name = name, Path = path, Technique = "other", Evidence = "test" };
}
