using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>
/// A banner counts only where the version ends: programs also carry version patterns ("OpenSSH_7.4*") and longer
/// versions that start with the same digits.
/// </summary>
public sealed class BannerTerminatorTests
{
    [Fact]
    public void Openssh_compatibility_patterns_earlier_in_the_file_are_not_the_version()
    {
        using var temp = new TempDirectory();
        // As in sshd: the compatibility table's strings come before the program's own version.
        temp.Write("rootfs/usr/sbin/sshd", Fixture.Elf(
            "OpenSSH_2.*,OpenSSH_3.0*,OpenSSH_3.1*",
            "OpenSSH_6.6.1*",
            "OpenSSH_6.5*,OpenSSH_6.6*",
            "OpenSSH_7.4*",
            "OpenSSH_9.2p1"));

        var openssh = Fixture.Single(Fixture.Extract(Fixture.Rootfs(temp)), "openssh");

        Assert.Equal("9.2p1", openssh.Version);
        Assert.Equal("cpe:2.3:a:openbsd:openssh:9.2:p1:*:*:*:*:*:*", openssh.Cpe);
    }

    [Fact]
    public void An_openssh_version_with_three_parts_and_a_following_comment_is_read_whole()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/usr/sbin/sshd", Fixture.Elf("OpenSSH_6.6.1p1 Ubuntu-2ubuntu2"));

        Assert.Equal("6.6.1p1", Fixture.Single(Fixture.Extract(Fixture.Rootfs(temp)), "openssh").Version);
    }

    [Theory]
    [InlineData("libcurl/7.88.1*", "libcurl/8.5.0", "curl", "8.5.0")]
    [InlineData("libcurl/8.5.0.1", "libcurl/8.4.0", "curl", "8.4.0")]
    [InlineData("wolfSSL v5.6.6*", "wolfSSL v5.7.2", "wolfssl", "5.7.2")]
    [InlineData("Mbed TLS 2.28.1*", "Mbed TLS 3.5.1", "mbedtls", "3.5.1")]
    [InlineData("mbed TLS 2.28.1.4", "mbed TLS 2.28.0", "mbedtls", "2.28.0")]
    [InlineData("dnsmasq-2.8*", "dnsmasq-2.90", "dnsmasq", "2.90")]
    [InlineData("dnsmasq-2.86.1.2", "dnsmasq-2.89", "dnsmasq", "2.89")]
    public void A_version_followed_by_a_star_or_another_number_part_is_not_a_banner(string pattern, string banner, string name, string version)
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/usr/bin/agent", Fixture.Elf(pattern, banner));

        Assert.Equal(version, Fixture.Single(Fixture.Extract(Fixture.Rootfs(temp)), name).Version);
    }
}
