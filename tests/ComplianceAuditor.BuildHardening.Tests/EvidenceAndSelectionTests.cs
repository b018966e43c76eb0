using System.Text;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Flags;

namespace ComplianceAuditor.BuildHardening.Tests;

/// <summary>What the readers give the checks beyond codes: settings as written (secrets redacted), the reader choice, truncation, bare-metal builds.</summary>
public sealed class EvidenceAndSelectionTests
{
    [Fact]
    public void Every_weakness_written_in_the_file_carries_its_setting_and_secrets_are_redacted()
    {
        var buildroot = BuildHardeningFiles.AnalyzeText("BR2_TARGET_GENERIC_ROOT_PASSWD=\"hunter22\"\nBR2_SSP_NONE=y\n", "configs/x_defconfig");
        var yocto = BuildHardeningFiles.AnalyzeText("inherit extrausers\nEXTRA_USERS_PARAMS = \"useradd -u 1200 -P s3cr3t guest; usermod -p '' root;\"\n", "recipes-core/images/x.bb");
        var flags = BuildHardeningFiles.AnalyzeText("set(CMAKE_C_FLAGS \"-O2 -fno-stack-protector\")\n", "CMakeLists.txt");

        Assert.StartsWith("BR2_TARGET_GENERIC_ROOT_PASSWD=\"hu…[redacted sha256:", buildroot.Weaknesses[0].Setting, StringComparison.Ordinal);
        Assert.Equal("BR2_SSP_NONE=y", buildroot.Weaknesses[1].Setting);
        Assert.StartsWith("useradd -u 1200 -P s…[redacted sha256:", yocto.Weaknesses[0].Setting, StringComparison.Ordinal);
        Assert.EndsWith("] guest", yocto.Weaknesses[0].Setting, StringComparison.Ordinal);
        Assert.Equal("usermod -p '' root", yocto.Weaknesses[1].Setting);
        Assert.Equal("-fno-stack-protector", Assert.Single(flags.Weaknesses).Setting);
        Assert.DoesNotContain("s3cr3t", string.Concat(yocto.Weaknesses.Select(w => w.Setting + w.Description)), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", string.Concat(buildroot.Weaknesses.Select(w => w.Setting + w.Description)), StringComparison.Ordinal);
    }

    [Fact]
    public void Image_feature_weaknesses_show_the_line_that_adds_the_feature()
    {
        var analysis = BuildHardeningFiles.AnalyzeText("EXTRA_IMAGE_FEATURES = \"tools-sdk \\\n    debug-tweaks\"\n", "conf/local.conf");

        var weakness = Assert.Single(analysis.Weaknesses);
        Assert.Equal((2, "debug-tweaks\""), (weakness.Line, weakness.Setting));
    }

    [Theory]
    [InlineData("etc/sysctl.conf", "net.ipv4.ip_forward = 1\n", BuildFileKind.None)]
    [InlineData("src/tables.inc", "x = 5;\n", BuildFileKind.None)]
    [InlineData("meta-x/recipes-core/busybox/busybox.inc", "SRC_URI = \"file://defconfig\"\n", BuildFileKind.Yocto)]
    [InlineData("meta-x/conf/layer.conf", "BBFILE_COLLECTIONS += \"x\"\n", BuildFileKind.Yocto)]
    [InlineData("build/conf/local.conf", "MACHINE = \"qemuarm\"\n", BuildFileKind.Yocto)]
    public void Conf_and_inc_files_are_read_as_Yocto_only_inside_a_layer_or_build_folder(string path, string text, BuildFileKind kind)
    {
        Assert.Equal(kind, BuildHardeningFiles.AnalyzeText(text, path).Kind);
    }

    [Theory]
    [InlineData("a/CMakeLists.txt", "add_compile_options(-fPIE)\n")]
    [InlineData("a/cross.cmake", "set(X 1)\n")]
    [InlineData("GNUmakefile", "CFLAGS += -O2\n")]
    [InlineData("rules.mk", "CFLAGS += -O2\n")]
    [InlineData("configs/a_defconfig", "BR2_arm=y\n")]
    [InlineData(".config", "BR2_arm=y\n")]
    [InlineData("prj.conf", "CONFIG_SHELL=y\n")]
    [InlineData("prj.conf", "BR2_arm=y\n")]
    [InlineData("meta/conf/distro/d.conf", "DISTRO = \"d\"\n")]
    [InlineData("meta/recipes-x/x/x.bb", "SUMMARY = \"x\"\n")]
    [InlineData("meta/recipes-x/x/x.inc", "SUMMARY = \"x\"\n")]
    [InlineData("build/conf/local.conf", "MACHINE = \"m\"\n")]
    public void The_kind_content_gives_is_always_one_the_name_allows(string path, string text)
    {
        var kind = BuildHardeningFiles.AnalyzeText(text, path).Kind;

        Assert.NotEqual(BuildFileKind.None, kind);
        Assert.Contains(kind, BuildHardeningFiles.PossibleKinds(path));
        Assert.True(BuildHardeningFiles.IsCandidate(path));
    }

    [Fact]
    public void Names_no_reader_takes_allow_no_kind()
    {
        Assert.Empty(BuildHardeningFiles.PossibleKinds("src/main.c"));
        Assert.Empty(BuildHardeningFiles.PossibleKinds("src/tables.inc"));
        Assert.Equal([BuildFileKind.Buildroot, BuildFileKind.Zephyr], BuildHardeningFiles.PossibleKinds("etc/sysctl.conf"));
    }

    [Fact]
    public void A_stream_longer_than_the_limit_is_cut_and_the_analysis_says_so()
    {
        var text = "CFLAGS += -O2\n" + string.Concat(Enumerable.Repeat("SRCS += a.c\n", (BuildFileText.MaxBytes / 12) + 10));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var analysis = BuildHardeningFiles.Analyze(stream, "Makefile");

        Assert.True(analysis.Cut);
        Assert.True(analysis.Truncated);
        Assert.Equal(BuildFileText.MaxBytes + 1, stream.Position);
        using var small = new MemoryStream("CFLAGS += -O2\n"u8.ToArray());
        Assert.False(BuildHardeningFiles.Analyze(small, "Makefile").Truncated);
    }

    [Theory]
    [InlineData("CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nfind_package(Zephyr REQUIRED)\n", "find_package(Zephyr", 2)]
    [InlineData("Makefile", "# arm-none-eabi in a comment\nCC = arm-none-eabi-gcc\n", "arm-none-eabi", 2)]
    [InlineData("firmware.mk", "CFLAGS += -mcpu=cortex-m4 -mthumb\n", "-mcpu=cortex-m", 1)]
    public void Bare_metal_builds_are_recognised_where_they_show_it(string path, string text, string marker, int line)
    {
        Assert.Equal(new BareMetalSign(marker, line), BuildHardeningFiles.AnalyzeText(text, path).Flags!.BareMetal);
    }

    [Fact]
    public void A_linux_cmake_build_is_not_bare_metal_and_full_relro_in_buildroot_means_immediate_binding()
    {
        Assert.Null(BuildHardeningFiles.AnalyzeText("project(x C)\nadd_compile_options(-fPIE)\n", "CMakeLists.txt").Flags!.BareMetal);
        Assert.Equal(HardeningState.Enabled, BuildHardeningFiles.AnalyzeText("BR2_RELRO_FULL=y\n", "configs/a_defconfig").Buildroot!.BindNow.State);
        Assert.Equal(HardeningState.Disabled, BuildHardeningFiles.AnalyzeText("BR2_RELRO_PARTIAL=y\n", "configs/a_defconfig").Buildroot!.BindNow.State);
        Assert.Equal(HardeningState.Unknown, BuildHardeningFiles.AnalyzeText("BR2_arm=y\n", "configs/a_defconfig").Buildroot!.BindNow.State);
    }
}
