using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Flags;

/// <summary>The hardening flags one CMake or Make file defines.</summary>
/// <param name="Source">The name the caller gave the file.</param>
/// <param name="Occurrences">Every hardening-related flag found, in line order.</param>
/// <param name="Features">One entry per feature, sorted by name: Disabled when a flag outside debug scope turns it off, Enabled when one turns it on, else Unknown.</param>
/// <param name="Weaknesses">Explicit disabling outside debug scope; codes are listed on <see cref="CompilerFlags"/>.</param>
/// <param name="Truncated">True when only the start of the file was read.</param>
public sealed record CompilerFlagReport(
    string Source,
    IReadOnlyList<FlagOccurrence> Occurrences,
    IReadOnlyList<HardeningFeature> Features,
    IReadOnlyList<BuildWeakness> Weaknesses,
    bool Truncated)
{
    /// <summary>Where the file shows it builds for a microcontroller or without an OS; null when it does not (or is a Yocto file).</summary>
    public BareMetalSign? BareMetal { get; init; }
}
