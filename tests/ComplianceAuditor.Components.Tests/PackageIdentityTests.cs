using ComplianceAuditor.Components.Identity;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>CPEs of installed packages name the upstream release, and Debian's and OpenWrt's package names map to one product list.</summary>
public sealed class PackageIdentityTests
{
    [Theory]
    [InlineData("1:1.30.1-6+b3", "1.30.1")]
    [InlineData("1.1.1n-0+deb11u5", "1.1.1n")]
    [InlineData("2022.82-2", "2022.82")]
    [InlineData("1:1.2.13.dfsg-1", "1.2.13")]
    [InlineData("2.4+dfsg1-3", "2.4")]
    [InlineData("3.1~repack-2", "3.1")]
    [InlineData("0.9.8+ds-1", "0.9.8")]
    [InlineData("1.20+repack2.1-1", "1.20")]
    [InlineData("2.0+really1.9-1", "1.9")]
    [InlineData("1:3.0+really2.8.4+dfsg-2", "2.8.4")]
    [InlineData("1.0+dsl-1", "1.0+dsl")]
    [InlineData("2:8.4p1-5+deb11u3", "8.4p1")]
    [InlineData("1.36.1", "1.36.1")]
    [InlineData("a:1.0-1", "a:1.0")]
    public void The_upstream_version_drops_the_epoch_the_revision_and_repack_markers(string version, string upstream) =>
        Assert.Equal(upstream, PackageVersion.Upstream(version));

    [Theory]
    [InlineData("libssl3", "openssl")]
    [InlineData("libssl1.1", "openssl")]
    [InlineData("libopenssl1.1", "openssl")]
    [InlineData("zlib1g", "zlib")]
    [InlineData("zlib", "zlib")]
    [InlineData("openssh-server", "openssh")]
    [InlineData("openssh-client", "openssh")]
    [InlineData("libcurl4", "curl")]
    [InlineData("dropbear-bin", "dropbear")]
    [InlineData("dnsmasq-base", "dnsmasq")]
    [InlineData("dnsmasq-full", "dnsmasq")]
    [InlineData("libmbedtls14", "mbedtls")]
    [InlineData("libwolfssl5.7.2.e624513f", "wolfssl")]
    [InlineData("busybox", "busybox")]
    public void Debian_and_openwrt_package_names_map_to_one_product(string package, string product) =>
        Assert.Equal(product, PackageProducts.Of(package));

    [Theory]
    [InlineData("libc6")]
    [InlineData("libssl-doc-not-a-lib")]
    [InlineData("zlib1g-extra")]
    public void Other_packages_are_no_known_product(string package) => Assert.Null(PackageProducts.Of(package));

    [Fact]
    public void Dpkg_packages_keep_their_full_version_in_the_purl_and_name_the_upstream_release_in_the_cpe()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/var/lib/dpkg/status",
            "Package: busybox\nStatus: install ok installed\nArchitecture: armhf\nVersion: 1:1.30.1-6+b3\n\n" +
            "Package: libssl1.1\nStatus: install ok installed\nArchitecture: armhf\nVersion: 1.1.1n-0+deb11u5\n\n" +
            "Package: dropbear-bin\nStatus: install ok installed\nArchitecture: armhf\nVersion: 2022.82-2\n\n" +
            "Package: zlib1g\nStatus: install ok installed\nArchitecture: armhf\nVersion: 1:1.2.13.dfsg-1\n\n" +
            "Package: openssh-server\nStatus: install ok installed\nArchitecture: armhf\nVersion: 1:9.2p1-2+deb12u3\n");

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        var busybox = Fixture.Single(result, "busybox");
        Assert.Equal("1:1.30.1-6+b3", busybox.Version);
        Assert.Equal("pkg:deb/debian/busybox@1%3A1.30.1-6%2Bb3?arch=armhf", busybox.Purl);
        Assert.Equal("cpe:2.3:a:busybox:busybox:1.30.1:*:*:*:*:*:*:*", busybox.Cpe);
        Assert.Equal("cpe:2.3:a:openssl:openssl:1.1.1n:*:*:*:*:*:*:*", Fixture.Single(result, "libssl1.1").Cpe);
        Assert.Equal("cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:2022.82:*:*:*:*:*:*:*", Fixture.Single(result, "dropbear-bin").Cpe);
        // Debian's repacked tarball is still zlib 1.2.13 for NVD.
        Assert.Equal("cpe:2.3:a:zlib:zlib:1.2.13:*:*:*:*:*:*:*", Fixture.Single(result, "zlib1g").Cpe);
        Assert.Equal("cpe:2.3:a:openbsd:openssh:9.2:p1:*:*:*:*:*:*", Fixture.Single(result, "openssh-server").Cpe);
    }

    [Fact]
    public void Opkg_packages_name_the_upstream_release_in_the_cpe()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/usr/lib/opkg/status",
            "Package: libopenssl1.1\nVersion: 1.1.1w-1\nStatus: install user installed\nArchitecture: mips_24kc\n\n" +
            "Package: dnsmasq-full\nVersion: 2.86-16\nStatus: install user installed\nArchitecture: mips_24kc\n");

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        var openssl = Fixture.Single(result, "libopenssl1.1");
        Assert.Equal("pkg:generic/libopenssl1.1@1.1.1w-1?arch=mips_24kc", openssl.Purl);
        Assert.Equal("cpe:2.3:a:openssl:openssl:1.1.1w:*:*:*:*:*:*:*", openssl.Cpe);
        Assert.Equal("cpe:2.3:a:thekelleys:dnsmasq:2.86:*:*:*:*:*:*:*", Fixture.Single(result, "dnsmasq-full").Cpe);
    }
}
