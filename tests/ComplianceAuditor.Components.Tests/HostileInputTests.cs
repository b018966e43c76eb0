using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Names and versions come from firmware: they are cleaned, and a detector's failure is a note, not a crash.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Control_and_bidirectional_characters_are_escaped_and_such_versions_get_no_purl()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/etc/os-release", "NAME=\"Evil\u202EOS\u0007\"\nID=evil\nVERSION_ID=\"1.0\u202Etxt.exe\"\n");

        var os = Assert.Single(Fixture.Extract(Fixture.Rootfs(temp)).Components, c => c.Type == "operating-system");

        Assert.Equal("Evil\\u202EOS\\u0007", os.Name);
        Assert.DoesNotContain('\u202E', os.Occurrences[0].Evidence);
        Assert.Equal("1.0\\u202Etxt.exe", os.Version);
        Assert.Null(os.Purl);
    }

    [Fact]
    public async Task A_bidirectional_override_in_a_file_name_is_escaped_in_the_sbom_location_and_still_finds_the_holder()
    {
        using var temp = new TempDirectory();
        // The file is BusyBox itself (its name starts with "busybox") and holds a linked-in TLS library.
        temp.Write("rootfs/bin/busybox\u202Egpj.exe", Fixture.Elf("BusyBox v1.36.1 (2023-05-04 10:21:32 UTC)", "Mbed TLS 3.5.1"));

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        var busybox = Fixture.Single(result, "busybox");
        Assert.Equal("rootfs/bin/busybox\\u202Egpj.exe", Assert.Single(busybox.Occurrences).Path);
        // Holders are found on the raw path, so the library still hangs under the program in that file.
        var mbedtls = Fixture.Single(result, "mbedtls");
        Assert.Equal([busybox.Id], mbedtls.ContainedIn);
        // Parsed, not searched as text: the JSON writer may itself escape the character, which would hide it from a search.
        var locations = System.Text.Json.Nodes.JsonNode.Parse(await Sbom.WriteAsync(result.Components))!["components"]!.AsArray()
            .SelectMany(c => c!["evidence"]!["occurrences"]!.AsArray().Select(o => (string)o!["location"]!))
            .ToArray();
        Assert.Contains("rootfs/bin/busybox\\u202Egpj.exe", locations);
        Assert.DoesNotContain(locations, l => l.Contains('\u202E', StringComparison.Ordinal));
    }

    [Fact]
    public void Purl_separators_in_a_package_name_are_percent_encoded_and_long_versions_are_cut()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/usr/lib/opkg/status",
            "Package: evil/../pkg@x?y=z#f\nVersion: 1.0\nStatus: install user installed\n\n" +
            $"Package: long\nVersion: {new string('9', 5000)}\nStatus: install user installed\n\n" +
            "Package: rlo\u202Egpj.exe\nVersion: 1.0\nStatus: install user installed\n");

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        Assert.Equal("pkg:generic/evil%2F..%2Fpkg%40x%3Fy%3Dz%23f@1.0", Fixture.Single(result, "evil/../pkg@x?y=z#f").Purl);
        var longOne = Fixture.Single(result, "long");
        Assert.True(longOne.Version!.Length <= 65, longOne.Version);
        Assert.Null(longOne.Purl);
        Assert.Null(Fixture.Single(result, "rlo\\u202Egpj.exe").Purl);
    }

    [Fact]
    public void A_failing_detector_becomes_a_note_and_the_others_still_run()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/etc/os-release", "NAME=Example\nVERSION_ID=1\n");

        var result = Fixture.Extract(Fixture.Rootfs(temp), [new Throwing(), new Detectors.OsReleaseDetector()]);

        Assert.Single(result.Components, c => c.Name == "Example");
        Assert.DoesNotContain(result.Components, c => c.Name == "half");
        var note = Assert.Single(result.Notes, n => n.Contains("rootfs/etc/os-release", StringComparison.Ordinal));
        Assert.Contains("detector throwing", note, StringComparison.Ordinal);
        Assert.Contains("bad bytes", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_detector_note_reaches_the_result_with_firmware_text_escaped()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/etc/os-release", "NAME=Example\n");

        var note = Assert.Single(Fixture.Extract(Fixture.Rootfs(temp), [new Noting()]).Notes);

        Assert.Equal("detector noting: partly read rootfs/etc/os-release \\u202Etxt.exe", note);
    }

    /// <summary>Finds nothing, but leaves a note holding a bidirectional override, as a hostile file name would.</summary>
    private sealed class Noting : IComponentDetector
    {
        public string Name => "noting";

        public bool Wants(Artifact artifact) => artifact.Kind == ArtifactKind.Text;

        public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
        {
            notes.Add($"partly read {artifact.Path} \u202Etxt.exe");
            return [];
        }
    }

    /// <summary>Yields one component, then fails, as a parser meeting a corrupt file halfway would.</summary>
    private sealed class Throwing : IComponentDetector
    {
        public string Name => "throwing";

        public bool Wants(Artifact artifact) => artifact.Kind == ArtifactKind.Text;

        public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
        {
            yield return new FoundComponent { Type = "library", Name = "half", Path = artifact.Path, Technique = "other", Evidence = "" };
            throw new InvalidDataException("bad bytes");
        }
    }
}
