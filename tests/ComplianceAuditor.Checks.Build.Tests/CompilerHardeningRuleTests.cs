using ComplianceAuditor.Checks.Build.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Build.Tests;

/// <summary>CMP3023 (hardening switched off) and CMP3024 (executable stack) on CMake, Make, Buildroot and Yocto files.</summary>
public sealed class CompilerHardeningRuleTests
{
    [Fact]
    public async Task CMake_release_flags_that_drop_the_stack_protector_fail_CMP3023()
    {
        var results = await RuleAudit.RepoAsync(["CMP3023"], ("CMakeLists.txt", """
            project(cam C)
            set(CMAKE_C_FLAGS_RELEASE "-O2 -fno-stack-protector")
            add_executable(cam main.c)
            """));

        var result = RuleAudit.Only(results, "CMP3023");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("'-fno-stack-protector' turns ssp off for release builds (line 2)", result.Reason, StringComparison.Ordinal);
        Assert.Equal("-fno-stack-protector", Assert.Single(result.Evidence).Excerpt);
    }

    [Fact]
    public async Task Debug_only_disabling_and_hardening_flags_pass_CMP3023()
    {
        var results = await RuleAudit.RepoAsync(["CMP3023"], ("CMakeLists.txt", """
            set(CMAKE_C_FLAGS_DEBUG "-O0 -fno-stack-protector")
            add_compile_options(-fstack-protector-strong -D_FORTIFY_SOURCE=2)
            """));

        var result = RuleAudit.Only(results, "CMP3023");
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.StartsWith("CMake file checked for build-flag-disables-bind-now, build-flag-disables-cf-protection", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buildroot_without_ssp_and_yocto_with_emptied_security_flags_fail_CMP3023()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3023"],
            ("configs/cam_defconfig", "BR2_arm=y\nBR2_SSP_NONE=y\nBR2_RELRO_FULL=y\n"),
            ("meta-cam/conf/distro/cam.conf", "DISTRO = \"cam\"\nrequire conf/distro/include/security_flags.inc\nSECURITY_CFLAGS = \"\"\n"),
            ("src/Makefile", "CFLAGS += -O2 -fstack-protector-strong\n"));

        var buildroot = RuleAudit.On(results, "CMP3023", "cam_defconfig");
        Assert.Equal(Outcome.Fail, buildroot.Outcome);
        Assert.Equal("BR2_SSP_NONE=y", Assert.Single(buildroot.Evidence).Excerpt);
        var yocto = RuleAudit.On(results, "CMP3023", "cam.conf");
        Assert.Equal(Outcome.Fail, yocto.Outcome);
        Assert.Equal(("SECURITY_CFLAGS = \"\"", 3), (yocto.Evidence[0].Excerpt, yocto.Evidence[0].Line));
        Assert.Equal(Outcome.Pass, RuleAudit.On(results, "CMP3023", "src/Makefile").Outcome);
    }

    [Fact]
    public async Task Makefile_linking_with_an_executable_stack_fails_CMP3024_but_not_CMP3023()
    {
        var results = await RuleAudit.RepoAsync(["CMP3023", "CMP3024"], ("Makefile", "LDFLAGS += -Wl,-z,execstack\n"));

        var execstack = RuleAudit.Only(results, "CMP3024");
        Assert.Equal(Outcome.Fail, execstack.Outcome);
        Assert.Equal(1, execstack.Evidence[0].Line);
        Assert.Equal(Outcome.Pass, RuleAudit.Only(results, "CMP3023").Outcome);
    }

    [Fact]
    public async Task Makefile_asking_for_a_non_executable_stack_passes_CMP3024()
    {
        var results = await RuleAudit.RepoAsync(["CMP3024"], ("Makefile", "LDFLAGS += -Wl,-z,noexecstack\n"));

        Assert.Equal(Outcome.Pass, RuleAudit.Only(results, "CMP3024").Outcome);
    }

    [Fact]
    public async Task Kconfig_files_are_not_selected_by_CMP3024_but_a_yocto_conf_is()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3024"],
            ("app/prj.conf", "CONFIG_SHELL=y\n"),
            ("configs/a_defconfig", "BR2_arm=y\n"),
            ("meta-a/conf/distro/a.conf", "TARGET_LDFLAGS:append = \" -Wl,-z,execstack\"\n"));

        Assert.DoesNotContain(results, r => r.Artifact.EndsWith("prj.conf", StringComparison.Ordinal) || r.Artifact.EndsWith("a_defconfig", StringComparison.Ordinal));
        Assert.Equal(Outcome.Fail, RuleAudit.On(results, "CMP3024", "meta-a/conf/distro/a.conf").Outcome);
    }

    [Fact]
    public async Task Fingerprint_of_a_finding_survives_lines_added_above_it()
    {
        var before = RuleAudit.Only(await RuleAudit.RepoAsync(["CMP3023"], ("Makefile", "CFLAGS += -fno-stack-protector\n")), "CMP3023");
        var after = RuleAudit.Only(await RuleAudit.RepoAsync(["CMP3023"], ("Makefile", "# tuned\n\nCFLAGS += -fno-stack-protector\n")), "CMP3023");

        Assert.Equal(Outcome.Fail, before.Outcome);
        Assert.Equal(3, after.Evidence[0].Line);
        Assert.Equal(before.EvidenceKey, after.EvidenceKey);
    }
}
