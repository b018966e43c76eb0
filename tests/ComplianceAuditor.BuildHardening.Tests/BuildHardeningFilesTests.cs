using System.Diagnostics;
using System.Text;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.BuildHardening.Tests;

public sealed class BuildHardeningFilesTests
{
    [Theory]
    [InlineData("configs/board_defconfig", "BR2_arm=y\nBR2_SSP_NONE=y\n", BuildFileKind.Buildroot)]
    [InlineData(".config", "CONFIG_SIGNED_PACKAGES=y\n", BuildFileKind.None)]
    [InlineData("app/prj.conf", "CONFIG_SHELL=y\n", BuildFileKind.Zephyr)]
    [InlineData("meta-x/conf/distro/x.conf", "DISTRO = \"x\"\nrequire conf/distro/include/security_flags.inc\n", BuildFileKind.Yocto)]
    [InlineData("meta-x/recipes/a/a_1.0.bbappend", "EXTRA_IMAGE_FEATURES += \"debug-tweaks\"\n", BuildFileKind.Yocto)]
    [InlineData("cmake/hardening.cmake", "add_compile_options(-fstack-protector-strong)\n", BuildFileKind.CMake)]
    [InlineData("src/rules.mk", "CFLAGS += -fPIE\n", BuildFileKind.Make)]
    [InlineData("README.md", "CONFIG_SHELL=y\n", BuildFileKind.None)]
    public void Files_go_to_the_reader_their_name_and_content_call_for(string path, string text, BuildFileKind kind)
    {
        Assert.Equal(kind, BuildHardeningFiles.AnalyzeText(text, path).Kind);
    }

    [Fact]
    public void Files_on_disk_are_read_and_evidence_uses_the_relative_name()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("br/configs/x_defconfig", "BR2_arm=y\nBR2_ENABLE_DEBUG=y\n");

        var analysis = BuildHardeningFiles.Analyze(path, "br/configs/x_defconfig");

        Assert.Null(analysis.Problem);
        Assert.Contains(analysis.Weaknesses, w => w.Location == "br/configs/x_defconfig:2" && w.Code == "buildroot-debug-build");
        Assert.Equal("BR2_arm=y\nBR2_ENABLE_DEBUG=y\n", File.ReadAllText(path));
    }

    [Fact]
    public void Binary_and_missing_files_give_a_problem_not_an_exception()
    {
        using var dir = new TempDirectory();
        var junk = new byte[70_000];
        new Random(7).NextBytes(junk);
        junk[10] = 0;
        var path = dir.Write("Makefile", junk);

        Assert.Equal("the file is binary", BuildHardeningFiles.Analyze(path, "Makefile").Problem);
        Assert.NotNull(BuildHardeningFiles.Analyze(Path.Combine(dir.Path, "missing.mk"), "missing.mk").Problem);
        Assert.True(BuildHardeningFiles.IsCandidate("a/b/CMakeLists.txt"));
        Assert.False(BuildHardeningFiles.IsCandidate("a/b/main.c"));
    }

    [Fact]
    public void Files_over_one_mebibyte_are_cut_and_marked_truncated()
    {
        using var dir = new TempDirectory();
        var text = "CFLAGS += -fno-stack-protector\n" + new string('x', 3 << 20) + "\nCFLAGS += -no-pie\n";
        var path = dir.Write("Makefile", text);

        var flags = BuildHardeningFiles.Analyze(path, "Makefile").Flags!;

        Assert.True(flags.Truncated);
        Assert.Equal("build-flag-disables-ssp", Assert.Single(flags.Weaknesses).Code);
    }

    [Fact]
    public void Hostile_text_is_bounded_in_every_reader()
    {
        var many = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            many.Append("CONFIG_X").Append(i).Append("=y \\\n");
        }

        var hugeLine = "EXTRA_IMAGE_FEATURES = \"" + new string('(', 2_000_000) + " debug-tweaks\"";
        var junk = new StringBuilder();
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            junk.Append((char)random.Next(1, 0xD7FF));
        }

        var watch = Stopwatch.StartNew();
        foreach (var text in new[] { many.ToString(), hugeLine, junk.ToString(), "set(X \"unterminated\n" + new string('"', 100_000) })
        {
            foreach (var name in new[] { "prj.conf", "local.conf", "x.bb", "CMakeLists.txt", "Makefile", ".config" })
            {
                var analysis = BuildHardeningFiles.AnalyzeText(text, name);
                Assert.All(analysis.Weaknesses, w => Assert.True(w.Line <= BoundedText.MaxLines));
            }
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        var zephyr = BuildHardeningFiles.AnalyzeText(many.ToString(), "prj.conf").Zephyr!;
        Assert.True(zephyr.Truncated);
    }
}
