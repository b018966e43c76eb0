using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Flags;

namespace ComplianceAuditor.BuildHardening.Tests;

public sealed class CompilerFlagsTests
{
    private static HardeningState State(CompilerFlagReport report, string feature) => report.Features.Single(f => f.Name == feature).State;

    [Fact]
    public void CMake_hardening_flags_across_multi_line_commands_are_enabled_with_their_lines()
    {
        var report = CompilerFlags.ReadCMake("""
            cmake_minimum_required(VERSION 3.20)
            set(CMAKE_C_FLAGS "${CMAKE_C_FLAGS} -fstack-protector-strong -D_FORTIFY_SOURCE=2 -O2")
            add_compile_options(
                -fPIE      # position independent
                -fcf-protection=full
            )
            add_link_options(-pie "-Wl,-z,relro,-z,now" -Wl,-z,noexecstack)
            """);

        Assert.Empty(report.Weaknesses);
        Assert.All(report.Features, f => Assert.Equal(HardeningState.Enabled, f.State));
        Assert.Equal(4, report.Features.Single(f => f.Name == "pie").Line);
        Assert.Equal(5, report.Features.Single(f => f.Name == "cf-protection").Line);
        Assert.Equal(7, report.Features.Single(f => f.Name == "bind-now").Line);
    }

    [Fact]
    public void CMake_explicit_disabling_is_a_weakness_but_debug_only_disabling_is_not()
    {
        var report = CompilerFlags.ReadCMake("""
            set (CMAKE_C_FLAGS_DEBUG "-O0 -fno-stack-protector")
            target_compile_options(app PRIVATE $<$<CONFIG:Debug>:-U_FORTIFY_SOURCE>)
            target_compile_options(app PRIVATE -fno-stack-protector)
            set_target_properties(app PROPERTIES POSITION_INDEPENDENT_CODE OFF)
            target_link_options(app PRIVATE -Wl,-z,execstack -Wl,-z,norelro -Wl,-z,lazy)
            target_compile_definitions(app PRIVATE _FORTIFY_SOURCE=0)
            # add_compile_options(-fcf-protection=none)
            message(STATUS "do not use -no-pie")
            """);

        Assert.Equal(
            [
                "build-flag-disables-ssp:3", "build-flag-disables-pie:4", "build-flag-disables-bind-now:5", "build-flag-disables-relro:5",
                "build-flag-enables-execstack:5", "build-flag-disables-fortify:6",
            ],
            report.Weaknesses.Select(w => $"{w.Code}:{w.Line}"));
        Assert.Contains(report.Occurrences, o => o is { Feature: "ssp", Enables: false, Scope: "debug", Line: 1 });
        Assert.Contains(report.Occurrences, o => o is { Feature: "fortify", Scope: "debug", Line: 2 });
        Assert.Equal(HardeningState.Unknown, State(report, "cf-protection"));
    }

    [Fact]
    public void Absent_flags_are_unknown_not_failures()
    {
        var report = CompilerFlags.ReadCMake("project(x C)\nadd_executable(x main.c)\n");

        Assert.Empty(report.Weaknesses);
        Assert.All(report.Features, f => Assert.Equal(HardeningState.Unknown, f.State));
    }

    [Fact]
    public void Makefile_continuations_keep_physical_lines_and_comments_and_echo_are_ignored()
    {
        var report = CompilerFlags.ReadMake("""
            # CFLAGS += -fno-stack-protector
            CFLAGS += -O2 \
            	-fstack-protector-strong \
            	-D_FORTIFY_SOURCE=3
            override LDFLAGS := -Wl,-z,relro -z now
            DEBUG_CFLAGS = -fno-stack-protector
            app: CFLAGS += -fno-pie
            all:
            	@echo "building without -no-pie"
            	$(CC) -fcf-protection=none -o app app.c
            """);

        Assert.Equal(["build-flag-disables-pie:7", "build-flag-disables-cf-protection:10"], report.Weaknesses.Select(w => $"{w.Code}:{w.Line}"));
        Assert.Equal(3, report.Features.Single(f => f.Name == "ssp").Line);
        Assert.Equal(HardeningState.Enabled, State(report, "ssp"));
        Assert.Equal(4, report.Features.Single(f => f.Name == "fortify").Line);
        Assert.Equal(5, report.Features.Single(f => f.Name == "bind-now").Line);
        Assert.Contains(report.Occurrences, o => o is { Feature: "ssp", Enables: false, Scope: "debug", Line: 6 });
    }
}
