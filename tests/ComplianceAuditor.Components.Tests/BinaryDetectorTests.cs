using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Version banners compiled into programs and libraries, and the kernel's banner.</summary>
public sealed class BinaryDetectorTests
{
    [Fact]
    public void Banners_in_elf_files_identify_busybox_libraries_and_ssh_servers()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/bin/busybox", Fixture.Elf("BusyBox v1.36.1 (2023-05-04 10:21:32 UTC) multi-call binary."));
        temp.Write("rootfs/usr/lib/libssl.so.3", Fixture.Elf("OpenSSL 3.0.13 30 Jan 2024"));
        temp.Write("rootfs/usr/lib/libz.so.1", Fixture.Elf(" deflate 1.2.13 Copyright 1995-2022 Jean-loup Gailly and Mark Adler "));
        temp.Write("rootfs/usr/sbin/dropbear", Fixture.Elf("SSH-2.0-dropbear_2022.83"));
        temp.Write("rootfs/usr/sbin/sshd", Fixture.Elf("OpenSSH_9.2p1"));
        // A program with the TLS library linked in: the library is found, but the file is not the library.
        temp.Write("rootfs/usr/bin/agent", Fixture.Elf("Mbed TLS 3.5.1", "libcurl/8.4.0"));
        // A text file that mentions a version is not a program that contains one.
        temp.Write("rootfs/usr/share/doc/notes.txt", "built against OpenSSL 1.1.1w  11 Sep 2023\n");

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        var busybox = Fixture.Single(result, "busybox");
        Assert.Equal(("application", "1.36.1", "pkg:generic/busybox@1.36.1"), (busybox.Type, busybox.Version, busybox.Purl));
        Assert.Equal("cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*", busybox.Cpe);
        Assert.NotNull(busybox.Sha256);
        Assert.Equal("busybox-banner", Assert.Single(busybox.Occurrences).Detector);

        var openssl = Fixture.Single(result, "openssl");
        Assert.Equal(("library", "3.0.13"), (openssl.Type, openssl.Version));
        Assert.Equal("cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*", openssl.Cpe);
        Assert.Equal("rootfs/usr/lib/libssl.so.3", Assert.Single(openssl.Occurrences).Path);

        Assert.Equal("1.2.13", Fixture.Single(result, "zlib").Version);
        Assert.Equal("cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:2022.83:*:*:*:*:*:*:*", Fixture.Single(result, "dropbear").Cpe);
        // NVD keeps OpenSSH's portable suffix in the update field.
        Assert.Equal("cpe:2.3:a:openbsd:openssh:9.2:p1:*:*:*:*:*:*", Fixture.Single(result, "openssh").Cpe);

        var mbedtls = Fixture.Single(result, "mbedtls");
        Assert.Equal("3.5.1", mbedtls.Version);
        Assert.Null(mbedtls.Sha256);
        Assert.True(Assert.Single(mbedtls.Occurrences).Confidence < busybox.Occurrences[0].Confidence);
        // Linked into the agent, which is not itself a component: it hangs under the root file system.
        Assert.Equal(["firmware:rootfs"], mbedtls.ContainedIn);
        Assert.Equal("8.4.0", Fixture.Single(result, "curl").Version);
    }

    [Fact]
    public void A_program_that_carries_the_busybox_banner_is_not_busybox_itself()
    {
        using var temp = new TempDirectory();
        // A vendor tool that prints BusyBox's banner (or embeds a copy): BusyBox is there, but the file is not it.
        temp.Write("rootfs/usr/bin/vendor-shell", Fixture.Elf("BusyBox v1.31.1 (2020-01-01 00:00:00 UTC) multi-call binary."));
        temp.Write("rootfs/bin/busybox.nosuid", Fixture.Elf("BusyBox v1.36.1 (2023-05-04 10:21:32 UTC) multi-call binary."));

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        var embedded = Assert.Single(result.Components, c => c.Name == "busybox" && c.Version == "1.31.1");
        Assert.Null(embedded.Sha256);
        Assert.True(embedded.Occurrences[0].Confidence < 0.9);
        Assert.Equal(["firmware:rootfs"], embedded.ContainedIn);
        var itself = Assert.Single(result.Components, c => c.Name == "busybox" && c.Version == "1.36.1");
        Assert.NotNull(itself.Sha256);
        Assert.Equal(0.95, itself.Occurrences[0].Confidence);
    }

    [Fact]
    public void Copies_of_one_version_merge_into_one_component_with_every_place_in_path_order()
    {
        using var temp = new TempDirectory();
        var elf = Fixture.Elf("BusyBox v1.36.1 (2023-05-04 10:21:32 UTC)");
        temp.Write("rootfs/sbin/busybox", elf);
        temp.Write("rootfs/bin/busybox", elf);
        temp.Write("rootfs/rescue/busybox", Fixture.Elf("BusyBox v1.31.0 (2019-10-25 00:00:00 UTC)"));

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        var versions = result.Components.Where(c => c.Name == "busybox").ToArray();
        Assert.Equal(["1.31.0", "1.36.1"], versions.Select(v => v.Version));
        Assert.Equal(["rootfs/bin/busybox", "rootfs/sbin/busybox"], versions[1].Occurrences.Select(o => o.Path));
        Assert.Equal(versions.Length, versions.Select(v => v.Id).Distinct().Count());
    }

    [Fact]
    public void The_kernel_banner_gives_the_release_and_keeps_the_local_suffix_as_evidence()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/boot/Image", [0x4D, 0x5A, 0, 1, .. System.Text.Encoding.ASCII.GetBytes("\0Linux version 5.10.110-rt63 (builder@host) (gcc 11.2) #1 SMP\0")]);

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        var linux = Fixture.Single(result, "linux");
        Assert.Equal(("operating-system", "5.10.110"), (linux.Type, linux.Version));
        Assert.Equal("cpe:2.3:o:linux:linux_kernel:5.10.110:*:*:*:*:*:*:*", linux.Cpe);
        Assert.Contains("5.10.110-rt63", linux.Occurrences[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_stops_at_the_scan_limit_so_a_banner_past_it_is_not_seen_and_a_note_says_so()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("rootfs/bin/busybox", Fixture.Elf());
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            // Sparse: costs no disk, reads as zeros up to the banner.
            file.Seek(Reading.BoundedRead.MaxScanBytes + 4096, SeekOrigin.Begin);
            file.Write(System.Text.Encoding.ASCII.GetBytes("BusyBox v1.36.1 (2023-05-04 10:21:32 UTC)"));
        }

        var result = Fixture.Extract(Fixture.Rootfs(temp));

        Assert.DoesNotContain(result.Components, c => c.Name == "busybox");
        Assert.Contains("detector busybox-banner: searched only the first 64 MiB of rootfs/bin/busybox for version strings", result.Notes);
    }

    [Fact]
    public void The_module_folder_names_the_kernel_release_and_other_folders_there_do_not()
    {
        using var temp = new TempDirectory();
        temp.Write("rootfs/lib/modules/4.14.95/kernel/drivers/net/x.ko", Fixture.Elf());
        temp.Write("rootfs/lib/modules/4.14.95/modules.order", "kernel/drivers/net/x.ko\n");
        temp.Write("rootfs/lib/modules/extra/modules.order", "not a release\n");

        var linux = Fixture.Single(Fixture.Extract(Fixture.Rootfs(temp)), "linux");

        Assert.Equal("4.14.95", linux.Version);
        var seen = Assert.Single(linux.Occurrences);
        Assert.Equal(("kernel-modules", "filename", "rootfs/lib/modules/4.14.95/modules.order"), (seen.Detector, seen.Technique, seen.Path));
    }

    [Fact]
    public void A_banner_split_across_two_read_windows_is_still_found()
    {
        using var temp = new TempDirectory();
        var banner = System.Text.Encoding.ASCII.GetBytes("BusyBox v1.35.0 (2022-01-01 00:00:00 UTC)");
        var bytes = new byte[(1024 * 1024) + 4096];
        Fixture.Elf().CopyTo(bytes, 0);
        // Starts 10 bytes before the first window ends.
        banner.CopyTo(bytes, (1024 * 1024) - 10);
        temp.Write("rootfs/bin/busybox", bytes);

        Assert.Equal("1.35.0", Fixture.Single(Fixture.Extract(Fixture.Rootfs(temp)), "busybox").Version);
    }
}
