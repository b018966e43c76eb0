using System.Globalization;
using System.Text;
using ComplianceAuditor.Components.Reading;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>A package list too long to read whole is read in part, and the report says so.</summary>
public sealed class PackageListLimitTests
{
    [Fact]
    public void A_status_file_past_the_stanza_limit_gives_the_first_packages_and_a_note()
    {
        using var temp = new TempDirectory();
        var text = new StringBuilder();
        for (var i = 0; i < ControlStanzas.MaxStanzas + 5; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Package: p{i}\nVersion: 1\nStatus: install user installed\n\n");
        }

        temp.Write("rootfs/usr/lib/opkg/status", text.ToString());

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        Assert.Equal(ControlStanzas.MaxStanzas, result.Components.Count(c => c.Name.StartsWith('p')));
        Assert.DoesNotContain(result.Components, c => c.Name == string.Create(CultureInfo.InvariantCulture, $"p{ControlStanzas.MaxStanzas}"));
        var note = Assert.Single(result.Notes);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"read the first {ControlStanzas.MaxStanzas} packages of rootfs/usr/lib/opkg/status; the rest was not read"), note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_file_cut_by_the_byte_limit_drops_the_package_the_cut_went_through()
    {
        using var temp = new TempDirectory();
        // Stanzas of 64 KiB (a long Description) so that opkg's 8 MiB limit falls inside one, well under the stanza limit.
        var description = " " + new string('x', 64 * 1024) + "\n";
        var text = new StringBuilder();
        var i = 0;
        while (text.Length < (9 * 1024 * 1024))
        {
            // Version and Status come after the Description, so a cut stanza keeps its name but loses them (and opkg
            // takes a package without a Status line, as its .control files have none).
            text.Append(CultureInfo.InvariantCulture, $"Package: p{i++}\nDescription: long\n{description}Version: 1.0\nStatus: install user installed\n\n");
        }

        temp.Write("rootfs/usr/lib/opkg/status", text.ToString());
        var whole = text.ToString()[..(8 * 1024 * 1024)];
        var complete = whole.Split("\n\n").Length - 1;

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        var packages = result.Components.Where(c => c.Name.StartsWith('p')).ToArray();
        Assert.Equal(complete, packages.Length);
        Assert.All(packages, p => Assert.Equal("1.0", p.Version));
        Assert.DoesNotContain(result.Components, c => c.Name == string.Create(CultureInfo.InvariantCulture, $"p{complete}"));
        var note = Assert.Single(result.Notes);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"read the first {complete} packages of rootfs/usr/lib/opkg/status; the rest was not read"), note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_file_within_the_limits_leaves_no_note()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/var/lib/dpkg/status", "Package: a\nVersion: 1\nStatus: install ok installed\n\nPackage: b\nVersion: 2\nStatus: install ok installed");

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        Assert.Equal("2", Fixture.Single(result, "b").Version);
        Assert.Empty(result.Notes);
    }
}
