using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Flags;

namespace ComplianceAuditor.BuildHardening.Yocto;

/// <summary>
/// Reads Yocto/OpenEmbedded BitBake files: <c>local.conf</c>, distro <c>.conf</c>, <c>*.bb</c> image recipes and
/// <c>*.bbappend</c>. Assignment operators, <c>:append</c>/<c>:remove</c> and old <c>_append</c> overrides and backslash
/// continuations are understood; each finding names the physical line of the word concerned.
/// </summary>
/// <remarks>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>yocto-debug-tweaks</c>, <c>yocto-empty-root-password</c>, <c>yocto-allow-empty-password</c>, <c>yocto-allow-root-login</c>,
/// <c>yocto-post-install-logging</c>, <c>yocto-serial-autologin-root</c>: that word is in IMAGE_FEATURES or EXTRA_IMAGE_FEATURES.</item>
/// <item><c>yocto-extrausers-password</c>: EXTRA_USERS_PARAMS sets an empty (<c>-p ''</c>) or clear-text (<c>-P</c>) password.</item>
/// <item><c>yocto-extrausers-fixed-password</c>: EXTRA_USERS_PARAMS sets one password hash for every device built.</item>
/// <item><c>yocto-no-security-flags</c>: SECURITY_CFLAGS, SECURITY_LDFLAGS or SECURITY_STACK_PROTECTOR is emptied.</item>
/// <item>The <c>build-flag-*</c> codes of <see cref="CompilerFlags"/> for disabling flags written in variables.</item>
/// </list>
/// </remarks>
public static class YoctoConfig
{
    private static readonly string[] SecurityVariables = ["SECURITY_CFLAGS", "SECURITY_LDFLAGS", "SECURITY_STACK_PROTECTOR"];

    /// <summary>The settings, or null when the text holds no BitBake statement at all.</summary>
    public static YoctoSettings? Read(string? text, string source = "local.conf")
    {
        var bounded = BoundedText.From(text);
        var statements = BitbakeReader.Read(bounded);
        if (statements.Count == 0)
        {
            return null;
        }

        var weaknesses = new List<BuildWeakness>();
        var features = YoctoImageFeatures.Evaluate(statements, source, weaknesses);
        var inherits = statements.Any(s => (s.Variable == "inherit" || (s.Variable == "INHERIT" && !s.Overrides.Contains("remove")))
            && YoctoImageFeatures.Words(s.Value).Any(w => w.Word == "extrausers"));
        YoctoExtraUsers.Check(statements, inherits, source, weaknesses);
        var security = SecurityFlags(statements, source, weaknesses);
        var occurrences = new List<FlagOccurrence>();
        foreach (var s in statements.Where(s => s.Operator.Length > 0 && !s.Overrides.Contains("remove")
            && !s.Variable.Contains("NOPIE", StringComparison.Ordinal) && !s.Variable.Contains("NO_PIE", StringComparison.Ordinal)))
        {
            // Flags are classified per physical line so continuation lines keep their own line numbers.
            foreach (var group in YoctoImageFeatures.Words(s.Value).GroupBy(w => s.LineAt(w.Offset)))
            {
                var scope = s.Variable.Contains("DEBUG", StringComparison.Ordinal) ? "debug" : "all";
                FlagClassifier.Scan([.. group.Select(w => w.Word)], scope, source, group.Key, occurrences);
            }
        }

        var flags = CompilerFlags.Summarise(source, occurrences, bounded.Truncated);
        weaknesses.AddRange(flags.Weaknesses);

        // Image features and emptied flag variables are shown as the line that writes them; the extrausers reader has
        // already set a redacted command, so no password reaches the evidence through this fallback.
        return new YoctoSettings(source, features, inherits, security, flags,
            [.. weaknesses.Select(w => w.Setting is null && w.Line >= 1 ? w with { Setting = bounded.Lines[w.Line - 1].Trim() } : w)
                .OrderBy(w => w.Line).ThenBy(w => w.Code, StringComparer.Ordinal)], bounded.Truncated);
    }

    private static HardeningFeature SecurityFlags(List<BitbakeStatement> statements, string source, List<BuildWeakness> weaknesses)
    {
        HardeningFeature? disabled = null;
        foreach (var s in statements.Where(s => SecurityVariables.Contains(s.Variable) && s.Operator is "=" or ":=" or "?=" or "??="
            && !s.Overrides.Any(o => o is "append" or "prepend" or "remove") && s.Value.Trim().Length == 0))
        {
            var scope = s.Overrides.Count > 0 ? $" for {string.Join(':', s.Overrides)}" : string.Empty;
            var reason = $"{s.Variable} is set empty{scope}: the distribution's stack-protector, FORTIFY and PIE flags are dropped";
            weaknesses.Add(new BuildWeakness("yocto-no-security-flags", reason, source, s.Line));
            disabled ??= new HardeningFeature("security-flags", HardeningState.Disabled, reason, source, s.Line);
        }

        if (disabled is not null)
        {
            return disabled;
        }

        var include = statements.FirstOrDefault(s => s.Variable is "require" or "include" && s.Value.EndsWith("security_flags.inc", StringComparison.Ordinal));
        return include is null
            ? new HardeningFeature("security-flags", HardeningState.Unknown, "security_flags.inc is not included in this file; the distro configuration or another layer may include it", source, 0)
            : new HardeningFeature("security-flags", HardeningState.Enabled, $"{include.Variable} {include.Value}", source, include.Line);
    }
}
