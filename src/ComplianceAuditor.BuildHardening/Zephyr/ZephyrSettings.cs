using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Zephyr;

/// <summary>What a Zephyr <c>prj.conf</c>, <c>sysbuild.conf</c> or Kconfig fragment says about runtime hardening and debug features.</summary>
/// <param name="Source">The name the caller gave the file.</param>
/// <param name="DebugFragment">The file name says it is a debug overlay (contains "debug"): a rule may treat its findings as expected there.</param>
/// <param name="Features">stack-canaries, hw-stack-protection and userspace, sorted by name.</param>
/// <param name="Weaknesses">Named weaknesses in line order; codes are listed on <see cref="ZephyrKconfig"/>.</param>
/// <param name="Truncated">True when only the start of the file was read.</param>
public sealed record ZephyrSettings(
    string Source,
    bool DebugFragment,
    IReadOnlyList<HardeningFeature> Features,
    IReadOnlyList<BuildWeakness> Weaknesses,
    bool Truncated);
