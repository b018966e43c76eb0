namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>
/// Every weakness code the readers of this library report, and which kinds of build file can report each. Rules
/// name codes (or a family prefix such as <c>zephyr</c> or <c>build-flag</c>), and this list is what they are checked
/// against, so a misspelt code is an error when the rule is loaded rather than a rule that silently never fails.
/// </summary>
public static class BuildWeaknessCodes
{
    /// <summary>All codes, sorted ordinally. The reader that reports each documents it.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. new[]
        {
            // BuildrootConfig
            "buildroot-empty-root-password", "buildroot-plain-root-password", "buildroot-getty-root-shell", "buildroot-no-ssp",
            "buildroot-no-relro", "buildroot-no-fortify", "buildroot-no-pie", "buildroot-debug-build",

            // YoctoConfig
            "yocto-debug-tweaks", "yocto-empty-root-password", "yocto-allow-empty-password", "yocto-allow-root-login",
            "yocto-post-install-logging", "yocto-serial-autologin-root", "yocto-extrausers-password", "yocto-extrausers-fixed-password",
            "yocto-no-security-flags",

            // ZephyrKconfig
            "zephyr-no-stack-canaries", "zephyr-no-hw-stack-protection", "zephyr-no-userspace", "zephyr-shell-enabled", "zephyr-debug-logging",
            "zephyr-debug-build", "zephyr-test-rng", "zephyr-mbedtls-debug", "zephyr-mbedtls-weak-algorithm",

            // CompilerFlags (CMake, Make, and the flag variables of Yocto files)
            "build-flag-disables-ssp", "build-flag-disables-fortify", "build-flag-disables-pie", "build-flag-disables-relro",
            "build-flag-disables-bind-now", "build-flag-enables-execstack", "build-flag-disables-cf-protection",
        }.Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// The codes <paramref name="codeOrPrefix"/> stands for: itself when it is a code, else every code that continues
    /// it after a hyphen (<c>zephyr-debug</c> gives zephyr-debug-build and zephyr-debug-logging). Empty when none.
    /// </summary>
    public static IReadOnlyList<string> Matching(string codeOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(codeOrPrefix);
        return [.. All.Where(code => code == codeOrPrefix || code.StartsWith(codeOrPrefix + "-", StringComparison.Ordinal))];
    }

    /// <summary>The kinds of build file whose reader can report <paramref name="code"/>.</summary>
    public static IReadOnlyList<BuildFileKind> KindsOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.StartsWith("buildroot-", StringComparison.Ordinal) ? [BuildFileKind.Buildroot]
            : code.StartsWith("yocto-", StringComparison.Ordinal) ? [BuildFileKind.Yocto]
            : code.StartsWith("zephyr-", StringComparison.Ordinal) ? [BuildFileKind.Zephyr]
            : code.StartsWith("build-flag-", StringComparison.Ordinal) ? [BuildFileKind.Yocto, BuildFileKind.CMake, BuildFileKind.Make]
            : [];
    }
}
