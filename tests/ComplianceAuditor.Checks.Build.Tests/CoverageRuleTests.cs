using ComplianceAuditor.Checks.Build.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;

namespace ComplianceAuditor.Checks.Build.Tests;

/// <summary>CMP3028: the repository's build, taken together, asks for each hardening feature.</summary>
public sealed class CoverageRuleTests
{
    private const string HardenedCMake = """
        project(gateway C)
        add_compile_options(-fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE)
        add_link_options(-pie -Wl,-z,relro,-z,now)
        """;

    [Fact]
    public async Task CMake_asking_for_every_feature_passes_with_where_each_is_asked_for()
    {
        var results = await RuleAudit.RepoAsync(["CMP3028"], ("CMakeLists.txt", HardenedCMake), ("src/CMakeLists.txt", "add_executable(gw main.c)\n"));

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("ssp (CMakeLists.txt:2: '-fstack-protector-strong')", result.Reason, StringComparison.Ordinal);
        Assert.Contains("bind-now (CMakeLists.txt:3: '-z now')", result.Reason, StringComparison.Ordinal);
        Assert.Equal(5, result.Evidence.Count);
    }

    [Fact]
    public async Task Features_split_over_several_files_still_pass()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3028"],
            ("CMakeLists.txt", "add_compile_options(-fstack-protector-strong -D_FORTIFY_SOURCE=2)\n"),
            ("cmake/toolchain-arm-linux.cmake", "set(CMAKE_POSITION_INDEPENDENT_CODE ON)\nset(CMAKE_EXE_LINKER_FLAGS \"-pie -Wl,-z,relro -Wl,-z,now\")\n"));

        Assert.Equal(Outcome.Pass, RuleAudit.Only(results, "CMP3028").Outcome);
    }

    [Fact]
    public async Task Missing_features_fail_naming_them_and_the_files_examined()
    {
        var results = await RuleAudit.RepoAsync(["CMP3028"], ("Makefile", "CFLAGS += -O2 -fstack-protector-strong\nall: app\n"));

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("no build file asks for fortify, pie, relro, bind-now", result.Reason, StringComparison.Ordinal);
        Assert.Contains("1 build files examined: Makefile", result.Reason, StringComparison.Ordinal);
        Assert.Equal("Makefile: asks for ssp; not for fortify, pie, relro, bind-now", Assert.Single(result.Evidence).Description);
        Assert.Equal("fortify,pie,relro,bind-now", result.EvidenceKey);
    }

    [Fact]
    public async Task Flags_of_vendored_third_party_code_do_not_count()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3028"],
            ("CMakeLists.txt", "project(gw C)\n"),
            ("third_party/zlib/CMakeLists.txt", HardenedCMake));

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("no build file asks for ssp, fortify, pie, relro, bind-now", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buildroot_configuration_leaving_choices_to_its_defaults_is_inconclusive_not_failed()
    {
        var results = await RuleAudit.RepoAsync(["CMP3028"], ("configs/gw_defconfig", "BR2_aarch64=y\nBR2_PIC_PIE=y\n"));

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("ssp is left to configs/gw_defconfig (the Buildroot default)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buildroot_choosing_every_protection_passes()
    {
        var results = await RuleAudit.RepoAsync(["CMP3028"], ("configs/gw_defconfig", "BR2_SSP_STRONG=y\nBR2_RELRO_FULL=y\nBR2_FORTIFY_SOURCE_2=y\nBR2_PIC_PIE=y\n"));

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("bind-now (configs/gw_defconfig:2: BR2_RELRO_FULL=y: full RELRO links with -z now)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buildroot_choosing_no_stack_protector_fails_for_it()
    {
        var results = await RuleAudit.RepoAsync(["CMP3028"], ("configs/gw_defconfig", "BR2_SSP_NONE=y\nBR2_RELRO_FULL=y\nBR2_FORTIFY_SOURCE_2=y\nBR2_PIC_PIE=y\n"));

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("no build file asks for ssp,", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yocto_distribution_requiring_security_flags_passes()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3028"],
            ("meta-gw/conf/distro/gw.conf", "DISTRO = \"gw\"\nrequire conf/distro/include/security_flags.inc\n"),
            ("meta-gw/recipes-app/gw/gw_1.0.bb", "inherit cmake\n"));

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("pie (meta-gw/conf/distro/gw.conf:2: require conf/distro/include/security_flags.inc)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yocto_layer_without_its_distribution_is_inconclusive()
    {
        var results = await RuleAudit.RepoAsync(["CMP3028"], ("meta-gw/recipes-app/gw/gw_1.0.bb", "inherit cmake\nSRC_URI = \"file://gw.c\"\n"));

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("the Yocto distribution decides", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Microcontroller_builds_are_not_applicable()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3028"],
            ("app/CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nfind_package(Zephyr REQUIRED HINTS $ENV{ZEPHYR_BASE})\nproject(sensor)\n"),
            ("app/prj.conf", "CONFIG_GPIO=y\n"));

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("'find_package(Zephyr' in app/CMakeLists.txt:2", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repository_without_build_files_is_not_applicable()
    {
        var results = await RuleAudit.RepoAsync(["CMP3028"], ("README.md", "hello\n"), ("main.c", "int main(void) { return 0; }\n"));

        Assert.Equal(Outcome.NotApplicable, RuleAudit.Only(results, "CMP3028").Outcome);
    }

    [Fact]
    public async Task Missing_features_with_part_of_the_tree_unread_are_inconclusive()
    {
        using var repo = RuleAudit.NewRepo();
        repo.Write("Makefile", "CFLAGS += -fstack-protector-strong\n");
        for (var i = 0; i < 5; i++)
        {
            repo.Write($"src/m{i}.c", "int x;\n");
        }

        var results = await RuleAudit.RunAsync(repo.Path, ["CMP3028"], new InventoryOptions { MaxFiles = 3 });

        var result = RuleAudit.Only(results, "CMP3028");
        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("part of the target was not read", result.Reason, StringComparison.Ordinal);
    }
}
