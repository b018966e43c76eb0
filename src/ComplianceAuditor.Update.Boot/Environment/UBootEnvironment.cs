using System.Globalization;

namespace ComplianceAuditor.Update.Boot.Environment;

/// <summary>
/// A U-Boot environment and what it says about recovering from a failed update: boot counting (<c>bootlimit</c>,
/// <c>bootcount</c>, <c>upgrade_available</c>) makes U-Boot run <c>altbootcmd</c> after too many failed boots, so a
/// power cut or a bad release falls back instead of bricking the device.
/// </summary>
/// <param name="Source">"binary", "binary (redundant)" (a flag byte after the CRC) or "text".</param>
/// <param name="CrcMatches">
/// Whether the stored CRC32 matched the data; false means U-Boot would ignore this environment and use its built-in
/// default. Null for text, which has none.
/// </param>
/// <param name="Size">The environment size the CRC covered (header included), or null for text or a failed CRC.</param>
/// <param name="Variables">The variables by name; a name set twice keeps its last value, as U-Boot imports them.</param>
/// <param name="Problem">A defect that stopped the reading early, or null.</param>
public sealed record UBootEnvironment(string Source, bool? CrcMatches, int? Size, IReadOnlyDictionary<string, string> Variables, string? Problem)
{
    public string? BootCount => Get("bootcount");

    public string? BootLimit => Get("bootlimit");

    public string? AltBootCmd => Get("altbootcmd");

    public string? UpgradeAvailable => Get("upgrade_available");

    public string? BootDelay => Get("bootdelay");

    /// <summary>
    /// Whether <c>bootlimit</c> is a positive number: with U-Boot's boot counter built in (CONFIG_BOOTCOUNT_LIMIT), that
    /// is what makes it switch to <c>altbootcmd</c>. The environment cannot show whether the counter is built in.
    /// </summary>
    public bool HasBootCounting =>
        uint.TryParse(BootLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0;

    /// <summary>Whether a fallback boot command is set.</summary>
    public bool HasAltBootCmd => !string.IsNullOrWhiteSpace(AltBootCmd);

    private string? Get(string name) => Variables.TryGetValue(name, out var value) ? value : null;
}
