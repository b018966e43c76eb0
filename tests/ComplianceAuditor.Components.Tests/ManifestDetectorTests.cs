using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Package databases and release files: opkg, dpkg, os-release and openwrt_release.</summary>
public sealed class ManifestDetectorTests
{
    [Fact]
    public void OpenWrt_release_files_and_opkg_packages_become_components_with_purls_cpes_and_licences()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/etc/os-release", "NAME=\"OpenWrt\"\nVERSION=\"18.06.2, r7676-cddd7b4c77\"\nID=\"openwrt\"\nVERSION_ID=\"18.06.2\"\n");
        temp.Write("rootfs/etc/openwrt_release", "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='18.06.2'\nDISTRIB_REVISION='r7676-cddd7b4c77'\n");
        temp.Write("rootfs/usr/lib/opkg/status",
            "Package: busybox\nVersion: 1.28.4-3\nDepends: libc\nStatus: install user installed\nArchitecture: mips_24kc\n\n" +
            "Package: dropbear\nVersion: 2017.75-7.1\nStatus: install user installed\nArchitecture: mips_24kc\n\n" +
            "Package: removed-pkg\nVersion: 1.0\nStatus: deinstall user not-installed\n\n");
        temp.Write("rootfs/usr/lib/opkg/info/dropbear.control",
            "Package: dropbear\nVersion: 2017.75-7.1\nLicense: MIT\nMaintainer: Someone <someone@example.invalid>\nArchitecture: mips_24kc\nDescription: a small\n SSH server\n");

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        // Both release files name the same system: one component, seen twice.
        var os = Fixture.Single(result, "OpenWrt");
        Assert.Equal("operating-system", os.Type);
        Assert.Equal("18.06.2", os.Version);
        Assert.Equal("pkg:generic/openwrt@18.06.2", os.Purl);
        Assert.Equal("cpe:2.3:o:openwrt:openwrt:18.06.2:*:*:*:*:*:*:*", os.Cpe);
        Assert.Equal(["rootfs/etc/openwrt_release", "rootfs/etc/os-release"], os.Occurrences.Select(o => o.Path));

        // The status file and the control file describe the same package: merged, with the control file's licence.
        var dropbear = Fixture.Single(result, "dropbear");
        Assert.Equal("2017.75-7.1", dropbear.Version);
        Assert.Equal("pkg:generic/dropbear@2017.75-7.1?arch=mips_24kc", dropbear.Purl);
        Assert.Equal(["MIT"], dropbear.Licenses);
        Assert.Equal("Someone <someone@example.invalid>", dropbear.Supplier);
        Assert.Equal(2, dropbear.Occurrences.Count);
        Assert.All(dropbear.Occurrences, o => Assert.Equal("manifest-analysis", o.Technique));

        // The CPE names the upstream release; the package revision (-3) stays in the version and purl.
        Assert.Equal("cpe:2.3:a:busybox:busybox:1.28.4:*:*:*:*:*:*:*", Fixture.Single(result, "busybox").Cpe);
        Assert.Equal("cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:2017.75:*:*:*:*:*:*:*", dropbear.Cpe);
        Assert.DoesNotContain(result.Components, c => c.Name == "removed-pkg");
        Assert.All(result.Components.Where(c => c.Name != "rootfs"), c => Assert.Equal(["firmware:rootfs"], c.ContainedIn));
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void A_value_whose_closing_quote_was_cut_off_loses_its_opening_quote()
    {
        using var temp = new TempDirectory();
        // No newline and no closing quote: the file ends mid-value, as one cut at the read limit does.
        temp.Write("rootfs/etc/os-release", "NAME=\"Debian GNU/Linux\"\nID=debian\nVERSION_ID=\"12");

        var os = Fixture.Single(Fixture.Extract(Fixture.Rootfs(temp)), "Debian GNU/Linux");

        Assert.Equal("12", os.Version);
        Assert.Equal("pkg:generic/debian@12", os.Purl);
    }

    [Fact]
    public void Dpkg_status_gives_deb_purls_with_the_epoch_percent_encoded_and_skips_removed_packages()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/var/lib/dpkg/status",
            "Package: openssl\nStatus: install ok installed\nMaintainer: Debian OpenSSL Team\nArchitecture: armhf\nVersion: 3.0.11-1~deb12u2\n\n" +
            "Package: libc6\nStatus: install ok installed\nArchitecture: armhf\nVersion: 2.36-9+deb12u4\n\n" +
            "Package: perl-base\nStatus: install ok installed\nArchitecture: armhf\nVersion: 1:5.36.0-7\n\n" +
            "Package: old\nStatus: deinstall ok config-files\nVersion: 1\n");

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        Assert.Equal("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=armhf", Fixture.Single(result, "openssl").Purl);
        Assert.Equal("pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=armhf", Fixture.Single(result, "libc6").Purl);
        Assert.Equal("pkg:deb/debian/perl-base@1%3A5.36.0-7?arch=armhf", Fixture.Single(result, "perl-base").Purl);
        Assert.Equal("Debian OpenSSL Team", Fixture.Single(result, "openssl").Supplier);
        Assert.DoesNotContain(result.Components, c => c.Name == "old");
        // Sorted by name, ordinally, the input's own component among them.
        Assert.Equal(result.Components.Select(c => c.Name).Order(StringComparer.Ordinal), result.Components.Select(c => c.Name));
    }
}
