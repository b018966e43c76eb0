using System.Globalization;
using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Zephyr;

/// <summary>
/// Reads a Zephyr application Kconfig fragment (<c>CONFIG_</c>) or a sysbuild one (<c>SB_CONFIG_</c>) for the items the
/// MCUboot reader of the update checks does not cover. A fragment is merged with board defaults, so a symbol it does not
/// write is unknown here, never off.
/// </summary>
/// <remarks>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>zephyr-no-stack-canaries</c>: CONFIG_STACK_CANARIES explicitly off.</item>
/// <item><c>zephyr-no-hw-stack-protection</c>: CONFIG_HW_STACK_PROTECTION explicitly off.</item>
/// <item><c>zephyr-no-userspace</c>: CONFIG_USERSPACE explicitly off: every thread runs privileged.</item>
/// <item><c>zephyr-shell-enabled</c>: CONFIG_SHELL on with its serial backend not turned off: a command shell on the UART.</item>
/// <item><c>zephyr-debug-logging</c>: CONFIG_LOG_DEFAULT_LEVEL 4 (debug).</item>
/// <item><c>zephyr-debug-build</c>: CONFIG_DEBUG, CONFIG_DEBUG_OPTIMIZATIONS or CONFIG_NO_OPTIMIZATIONS.</item>
/// <item><c>zephyr-test-rng</c>: CONFIG_TEST_RANDOM_GENERATOR or CONFIG_TIMER_RANDOM_GENERATOR: a predictable, non-cryptographic random source.</item>
/// <item><c>zephyr-mbedtls-debug</c>: CONFIG_MBEDTLS_DEBUG, TLS internals logged.</item>
/// <item><c>zephyr-mbedtls-weak-algorithm</c>: MD5, DES or ARC4 enabled in Mbed TLS.</item>
/// </list>
/// </remarks>
public static class ZephyrKconfig
{
    private static readonly string[] Canaries = ["STACK_CANARIES", "STACK_CANARIES_STRONG", "STACK_CANARIES_ALL", "STACK_CANARIES_EXPLICIT"];
    private static readonly string[] DebugSymbols = ["DEBUG", "DEBUG_OPTIMIZATIONS", "NO_OPTIMIZATIONS"];
    private static readonly string[] TestGenerators = ["TEST_RANDOM_GENERATOR", "TIMER_RANDOM_GENERATOR"];
    private static readonly string[] WeakAlgorithms =
        ["MBEDTLS_MD5", "MBEDTLS_MAC_MD5_ENABLED", "MBEDTLS_CIPHER_DES_ENABLED", "MBEDTLS_CIPHER_ARC4_ENABLED", "MBEDTLS_DES_C", "MBEDTLS_ARC4_C"];

    /// <summary>The settings, or null when the text has no <c>CONFIG_</c> or <c>SB_CONFIG_</c> assignment.</summary>
    public static ZephyrSettings? Read(string? text, string source = "prj.conf")
    {
        var config = KconfigSymbols.Read(text, "CONFIG_", "SB_CONFIG_");
        if (config.Count == 0)
        {
            return null;
        }

        var weaknesses = new List<BuildWeakness>();
        KconfigSymbol? Get(string name) => config.Find(name);
        void Add(string code, KconfigSymbol symbol, string why) => weaknesses.Add(new BuildWeakness(code, $"{symbol.Written}: {why}", source, symbol.Line) { Setting = symbol.Written });

        var canary = Canaries.Select(Get).ToList();
        var features = new List<HardeningFeature>
        {
            Feature("stack-canaries", canary.FirstOrDefault(s => s is { Enabled: true }) ?? canary[0], "zephyr-no-stack-canaries", "stack overflows of local buffers go undetected", source, weaknesses),
            Feature("hw-stack-protection", Get("HW_STACK_PROTECTION"), "zephyr-no-hw-stack-protection", "a thread overflowing its stack corrupts its neighbour silently", source, weaknesses),
            Feature("userspace", Get("USERSPACE"), "zephyr-no-userspace", "all threads run in supervisor mode without memory isolation", source, weaknesses),
        };

        if (Get("SHELL") is { Enabled: true } shell && Get("SHELL_BACKEND_SERIAL") is not { Disabled: true })
        {
            Add("zephyr-shell-enabled", shell, "a command shell is reachable on the serial console (its serial backend is on by default)");
        }

        if (Get("LOG_DEFAULT_LEVEL") is { } level && int.TryParse(level.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 4)
        {
            Add("zephyr-debug-logging", level, "debug-level log messages are compiled in and printed");
        }

        if (DebugSymbols.Select(Get).FirstOrDefault(s => s is { Enabled: true }) is { } debug)
        {
            Add("zephyr-debug-build", debug, "a debug build, not meant for release");
        }

        foreach (var rng in TestGenerators.Select(Get).Where(s => s is { Enabled: true }))
        {
            Add("zephyr-test-rng", rng!, "random numbers come from a predictable test source, so keys and nonces can be guessed");
        }

        if (Get("MBEDTLS_DEBUG") is { Enabled: true } tlsDebug)
        {
            Add("zephyr-mbedtls-debug", tlsDebug, "Mbed TLS logs handshake internals");
        }

        foreach (var weak in WeakAlgorithms.Select(Get).Where(s => s is { Enabled: true }))
        {
            Add("zephyr-mbedtls-weak-algorithm", weak!, "a broken algorithm is available to TLS and the application");
        }

        var name = Path.GetFileName(source);
        return new ZephyrSettings(source, name.Contains("debug", StringComparison.OrdinalIgnoreCase),
            [.. features.OrderBy(f => f.Name, StringComparer.Ordinal)], [.. weaknesses.OrderBy(w => w.Line).ThenBy(w => w.Code, StringComparer.Ordinal)], config.Truncated);
    }

    private static HardeningFeature Feature(string name, KconfigSymbol? symbol, string code, string why, string source, List<BuildWeakness> weaknesses)
    {
        switch (symbol)
        {
            case { Enabled: true }:
                return new HardeningFeature(name, HardeningState.Enabled, symbol.Written, source, symbol.Line);
            case { Disabled: true }:
                var reason = $"{symbol.Written}: {why}";
                weaknesses.Add(new BuildWeakness(code, reason, source, symbol.Line) { Setting = symbol.Written });
                return new HardeningFeature(name, HardeningState.Disabled, reason, source, symbol.Line);
            default:
                return new HardeningFeature(name, HardeningState.Unknown, "not written in this fragment; the board defaults or another fragment decide", source, 0);
        }
    }
}
