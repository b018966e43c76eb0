using System.Text;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Old vendor kernels carry four-part releases (2.6.36.4); every detector that names the kernel keeps all four.</summary>
public sealed class KernelReleaseTests
{
    [Fact]
    public void The_kernel_banner_keeps_a_fourth_release_part_before_the_local_suffix()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/boot/Image", [0x4D, 0x5A, 0, 1, .. Encoding.ASCII.GetBytes("\0Linux version 2.6.36.4brcmarm (root@build) (gcc 4.5.3) #1 SMP\0")]);

        var linux = Fixture.Single(Fixture.Extract(Fixture.Rootfs(temp)), "linux");

        Assert.Equal("2.6.36.4", linux.Version);
        Assert.Equal("cpe:2.3:o:linux:linux_kernel:2.6.36.4:*:*:*:*:*:*:*", linux.Cpe);
        Assert.Equal("linux-banner", Assert.Single(linux.Occurrences).Detector);
    }

    [Theory]
    [InlineData("2.6.36.4brcmarm", "2.6.36.4")]
    [InlineData("2.6.32.70-rt1", "2.6.32.70")]
    [InlineData("5.10.110", "5.10.110")]
    [InlineData("4.4", "4.4")]
    public void The_module_folder_keeps_every_release_part(string folder, string release)
    {
        using var temp = new TempDirectory();
        temp.Write($"rootfs/lib/modules/{folder}/modules.dep", "kernel/x.ko:\n");

        Assert.Equal(release, Fixture.Single(Fixture.Extract(Fixture.Rootfs(temp)), "linux").Version);
    }

    [Fact]
    public void A_kernel_uimage_keeps_a_fourth_release_part_and_is_the_whole_file()
    {
        using var temp = new TempDirectory();
        var payload = new byte[128];
        var path = temp.Write("kernel.uimage", ImageDetectorTests.UImage("Linux-2.6.36.4brcmarm", os: 5, type: 2, payload));

        var linux = Fixture.Single(Fixture.Extract(path), "linux");

        Assert.Equal("2.6.36.4", linux.Version);
        Assert.NotNull(linux.Sha256);
        Assert.Equal(("uimage-header", "binary-analysis"), (linux.Occurrences[0].Detector, linux.Occurrences[0].Technique));
    }
}
