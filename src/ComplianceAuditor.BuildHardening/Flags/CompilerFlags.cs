using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Flags;

/// <summary>
/// Finds compiler and linker hardening flags in <c>CMakeLists.txt</c> / <c>*.cmake</c> and <c>Makefile</c> / <c>*.mk</c>.
/// A flag missing from one file proves nothing (a toolchain file, preset or distribution may add it), so absence
/// is Unknown; only an explicit disabling flag outside a debug-only scope is a weakness.
/// </summary>
/// <remarks>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>build-flag-disables-ssp</c>: <c>-fno-stack-protector</c>.</item>
/// <item><c>build-flag-disables-fortify</c>: <c>-U_FORTIFY_SOURCE</c> or <c>-D_FORTIFY_SOURCE=0</c>.</item>
/// <item><c>build-flag-disables-pie</c>: <c>-no-pie</c>, <c>-fno-pie</c> or POSITION_INDEPENDENT_CODE OFF.</item>
/// <item><c>build-flag-disables-relro</c>: <c>-z norelro</c>.</item>
/// <item><c>build-flag-disables-bind-now</c>: <c>-z lazy</c>.</item>
/// <item><c>build-flag-enables-execstack</c>: <c>-z execstack</c>.</item>
/// <item><c>build-flag-disables-cf-protection</c>: <c>-fcf-protection=none</c> or <c>-mbranch-protection=none</c>.</item>
/// </list>
/// </remarks>
public static class CompilerFlags
{
    /// <summary>
    /// Texts that only a build for a microcontroller or for no operating system writes: bare-metal cross toolchains,
    /// freestanding and no-libc flags, microcontroller CPU options, and the project files of Zephyr and ESP-IDF.
    /// </summary>
    private static readonly string[] BareMetalMarkers =
    [
        "arm-none-eabi", "riscv-none-elf", "riscv32-unknown-elf", "riscv64-unknown-elf", "xtensa-esp", "xtensa-lx106", "avr-gcc",
        "-ffreestanding", "-nostdlib", "-mcpu=cortex-m", "-mcpu=cortex-r", "-mmcu=", "-specs=nano.specs", "-specs=nosys.specs",
        "find_package(Zephyr", "idf_component_register", "/tools/cmake/project.cmake",
    ];

    /// <summary>Reads a CMake file: flags in set/string/list and the compile, link and property commands; not in checks or messages.</summary>
    public static CompilerFlagReport ReadCMake(string? text, string source = "CMakeLists.txt")
    {
        var bounded = BoundedText.From(text);
        return Summarise(source, CMakeScanner.Scan(bounded, source), bounded.Truncated) with { BareMetal = FindBareMetal(bounded) };
    }

    /// <summary>Reads a Makefile or <c>*.mk</c>: variable assignments and recipe lines, continuations joined.</summary>
    public static CompilerFlagReport ReadMake(string? text, string source = "Makefile")
    {
        var bounded = BoundedText.From(text);
        return Summarise(source, MakeScanner.Scan(bounded, source), bounded.Truncated) with { BareMetal = FindBareMetal(bounded) };
    }

    /// <summary>The first line outside a comment that shows a bare-metal build, or null.</summary>
    private static BareMetalSign? FindBareMetal(BoundedText text)
    {
        for (var n = 0; n < text.Lines.Count; n++)
        {
            var line = text.Lines[n].AsSpan().TrimStart();
            if (line.StartsWith("#"))
            {
                continue;
            }

            foreach (var marker in BareMetalMarkers)
            {
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    return new BareMetalSign(marker, n + 1);
                }
            }
        }

        return null;
    }

    /// <summary>Folds occurrences into per-feature states and weaknesses; shared by the Yocto reader for its flag variables.</summary>
    internal static CompilerFlagReport Summarise(string source, List<FlagOccurrence> occurrences, bool truncated)
    {
        var weaknesses = new List<BuildWeakness>();
        var features = new List<HardeningFeature>();
        foreach (var name in FlagClassifier.Features)
        {
            var off = occurrences.Where(o => o.Feature == name && !o.Enables && o.Scope != "debug").ToList();
            var on = occurrences.FirstOrDefault(o => o.Feature == name && o.Enables && o.Scope != "debug");
            foreach (var o in off)
            {
                var code = name == "noexecstack" ? "build-flag-enables-execstack" : "build-flag-disables-" + name;
                weaknesses.Add(new BuildWeakness(code, $"'{o.Flag}' turns {name} off for {(o.Scope == "release" ? "release" : "all")} builds", source, o.Line) { Setting = o.Flag });
            }

            features.Add(off.Count > 0
                ? new HardeningFeature(name, HardeningState.Disabled, $"'{off[0].Flag}' turns it off", source, off[0].Line)
                : on is not null
                    ? new HardeningFeature(name, HardeningState.Enabled, $"'{on.Flag}'", source, on.Line)
                    : new HardeningFeature(name, HardeningState.Unknown, "not set in this file; a toolchain file or the compiler's defaults may set it", source, 0));
        }

        return new CompilerFlagReport(source, [.. occurrences.OrderBy(o => o.Line)], features,
            [.. weaknesses.OrderBy(w => w.Line).ThenBy(w => w.Code, StringComparer.Ordinal)], truncated);
    }
}
