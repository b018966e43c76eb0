using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.Core.Secrets;

namespace ComplianceAuditor.BuildHardening.Buildroot;

/// <summary>
/// Reads a Buildroot <c>.config</c> or <c>configs/*_defconfig</c> (recognised by its <c>BR2_</c> symbols). A defconfig
/// leaves out symbols at their default, so absence is read as Buildroot's default only where the code says so.
/// </summary>
/// <remarks>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>buildroot-empty-root-password</c>: root login is on and BR2_TARGET_GENERIC_ROOT_PASSWD is empty (or left at its empty default).</item>
/// <item><c>buildroot-plain-root-password</c>: the root password is written in clear text, the same on every device built.</item>
/// <item><c>buildroot-getty-root-shell</c>: the console getty logs root in automatically or starts a shell without login.</item>
/// <item><c>buildroot-no-ssp</c>: BR2_SSP_NONE, packages are built without a stack protector.</item>
/// <item><c>buildroot-no-relro</c>: BR2_RELRO_NONE.</item>
/// <item><c>buildroot-no-fortify</c>: BR2_FORTIFY_SOURCE_NONE.</item>
/// <item><c>buildroot-no-pie</c>: BR2_PIC_PIE explicitly not set.</item>
/// <item><c>buildroot-debug-build</c>: BR2_ENABLE_DEBUG, packages carry debug information.</item>
/// </list>
/// Buildroot has no Dropbear password options; <see cref="BuildrootSettings.Dropbear"/> lets a rule combine the SSH server with the root password state.
/// </remarks>
public static class BuildrootConfig
{
    /// <summary>The settings, or null when the text has no <c>BR2_</c> symbol (not a Buildroot configuration).</summary>
    public static BuildrootSettings? Read(string? text, string source = ".config")
    {
        var config = KconfigSymbols.Read(text, "BR2_");
        if (config.Count == 0)
        {
            return null;
        }

        var weaknesses = new List<BuildWeakness>();
        var login = config.Get("BR2_TARGET_ENABLE_ROOT_LOGIN");
        var rootLogin = login is null || login.Enabled;
        var password = config.Get("BR2_TARGET_GENERIC_ROOT_PASSWD");
        var state = password is null || password.Value.Length == 0 ? "empty" : password.Value.StartsWith('$') ? "hashed" : "plain";
        var customSkeleton = config.IsEnabled("BR2_ROOTFS_SKELETON_CUSTOM");
        if (rootLogin && state == "empty" && !customSkeleton)
        {
            var at = password ?? login;
            var why = at is null
                ? "neither BR2_TARGET_ENABLE_ROOT_LOGIN nor BR2_TARGET_GENERIC_ROOT_PASSWD is set, so Buildroot's defaults apply: root logs in without a password"
                : $"{at.Written}: root may log in without a password";
            weaknesses.Add(new BuildWeakness("buildroot-empty-root-password", why, source, at?.Line ?? 0) { Setting = at?.Written });
        }
        else if (state == "plain")
        {
            weaknesses.Add(new BuildWeakness("buildroot-plain-root-password", "BR2_TARGET_GENERIC_ROOT_PASSWD holds a clear-text password (value not shown): every device built shares it and it is readable in the repository", source, password!.Line)
            {
                Setting = $"{password.Name}=\"{SecretText.Redact(password.Value)}\"",
            });
        }

        GettyShell(config, source, weaknesses);
        var features = new List<HardeningFeature>
        {
            Choice(config, source, "ssp", "BR2_SSP_NONE", ["BR2_SSP_REGULAR", "BR2_SSP_STRONG", "BR2_SSP_ALL"], "buildroot-no-ssp", weaknesses),
            Choice(config, source, "relro", "BR2_RELRO_NONE", ["BR2_RELRO_PARTIAL", "BR2_RELRO_FULL"], "buildroot-no-relro", weaknesses),
            Choice(config, source, "fortify", "BR2_FORTIFY_SOURCE_NONE", ["BR2_FORTIFY_SOURCE_1", "BR2_FORTIFY_SOURCE_2", "BR2_FORTIFY_SOURCE_3"], "buildroot-no-fortify", weaknesses),
            Pie(config, source, weaknesses),
        };
        var debug = config.Get("BR2_ENABLE_DEBUG");
        if (debug is { Enabled: true })
        {
            weaknesses.Add(new BuildWeakness("buildroot-debug-build", $"{debug.Written}: packages are built with debug information", source, debug.Line) { Setting = debug.Written });
        }

        return new BuildrootSettings(source, rootLogin, state, config.IsEnabled("BR2_PACKAGE_DROPBEAR"), debug?.Enabled == true,
            [.. features.OrderBy(f => f.Name, StringComparer.Ordinal)], [.. weaknesses.OrderBy(w => w.Line).ThenBy(w => w.Code, StringComparer.Ordinal)], config.Truncated)
        {
            BindNow = BindNow(config, source),
        };
    }

    private static void GettyShell(KconfigSymbols config, string source, List<BuildWeakness> weaknesses)
    {
        if (!config.IsEnabled("BR2_TARGET_GENERIC_GETTY") && config.Get("BR2_TARGET_GENERIC_GETTY_PORT") is null)
        {
            return;
        }

        // getty's -a/--autologin logs a user in unasked; -n with -l starts the given program instead of login.
        if (config.Get("BR2_TARGET_GENERIC_GETTY_OPTIONS") is { } options)
        {
            var words = options.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var auto = words.Any(w => w is "-a" or "--autologin" || w.StartsWith("--autologin=", StringComparison.Ordinal));
            var noLogin = words.Contains("-n") && words.Contains("-l");
            if (auto || noLogin)
            {
                weaknesses.Add(new BuildWeakness("buildroot-getty-root-shell", $"{options.Written}: the console gives a shell without asking for a password", source, options.Line) { Setting = options.Written });
            }
        }
    }

    private static HardeningFeature Choice(KconfigSymbols config, string source, string name, string none, string[] levels, string code, List<BuildWeakness> weaknesses)
    {
        if (config.Get(none) is { Enabled: true } off)
        {
            var reason = $"{off.Written}: packages are built without {name}";
            weaknesses.Add(new BuildWeakness(code, reason, source, off.Line) { Setting = off.Written });
            return new HardeningFeature(name, HardeningState.Disabled, reason, source, off.Line);
        }

        var on = levels.Select(config.Get).FirstOrDefault(s => s is { Enabled: true });
        return on is null
            ? new HardeningFeature(name, HardeningState.Unknown, $"no BR2_ {name} choice is written; the default depends on the Buildroot version and toolchain", source, 0)
            : new HardeningFeature(name, HardeningState.Enabled, on.Written, source, on.Line);
    }

    /// <summary>
    /// Buildroot's full RELRO also links with <c>-z now</c>; partial RELRO and none leave lazy binding. Not a weakness code of
    /// its own (partial RELRO is a choice, not a mistake), but a repository-wide view of the hardening flags needs it.
    /// </summary>
    private static HardeningFeature BindNow(KconfigSymbols config, string source)
    {
        if (config.Get("BR2_RELRO_FULL") is { Enabled: true } full)
        {
            return new HardeningFeature("bind-now", HardeningState.Enabled, $"{full.Written}: full RELRO links with -z now", source, full.Line);
        }

        var other = config.Get("BR2_RELRO_PARTIAL") is { Enabled: true } partial ? partial : config.Get("BR2_RELRO_NONE") is { Enabled: true } none ? none : null;
        return other is null
            ? new HardeningFeature("bind-now", HardeningState.Unknown, "no BR2_RELRO_ choice is written; the default depends on the Buildroot version", source, 0)
            : new HardeningFeature("bind-now", HardeningState.Disabled, $"{other.Written}: symbols are bound lazily", source, other.Line);
    }

    private static HardeningFeature Pie(KconfigSymbols config, string source, List<BuildWeakness> weaknesses)
    {
        var pie = config.Get("BR2_PIC_PIE");
        if (pie is { Disabled: true })
        {
            var reason = $"{pie.Written}: executables are not position independent, so ASLR cannot move them";
            weaknesses.Add(new BuildWeakness("buildroot-no-pie", reason, source, pie.Line) { Setting = pie.Written });
            return new HardeningFeature("pie", HardeningState.Disabled, reason, source, pie.Line);
        }

        return pie is { Enabled: true }
            ? new HardeningFeature("pie", HardeningState.Enabled, pie.Written, source, pie.Line)
            : new HardeningFeature("pie", HardeningState.Unknown, "BR2_PIC_PIE is not written; its default depends on the architecture and toolchain", source, 0);
    }
}
