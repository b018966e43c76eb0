using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Buildroot;

/// <summary>What a Buildroot <c>.config</c> or defconfig says about root access and toolchain hardening.</summary>
/// <param name="Source">The name the caller gave the file.</param>
/// <param name="RootLogin">Whether root may log in: BR2_TARGET_ENABLE_ROOT_LOGIN, which defaults to on when not written.</param>
/// <param name="RootPassword">"empty", "hashed" (a crypt string) or "plain" (clear text in the configuration).</param>
/// <param name="Dropbear">BR2_PACKAGE_DROPBEAR=y: an SSH server is in the image.</param>
/// <param name="DebugBuild">BR2_ENABLE_DEBUG=y.</param>
/// <param name="Features">ssp, relro, fortify and pie, sorted by name.</param>
/// <param name="Weaknesses">Named weaknesses in line order; codes are listed on <see cref="BuildrootConfig"/>.</param>
/// <param name="Truncated">True when the file was larger than the bounds and only its start was read.</param>
public sealed record BuildrootSettings(
    string Source,
    bool RootLogin,
    string RootPassword,
    bool Dropbear,
    bool DebugBuild,
    IReadOnlyList<HardeningFeature> Features,
    IReadOnlyList<BuildWeakness> Weaknesses,
    bool Truncated)
{
    /// <summary>Immediate binding (<c>-z now</c>), which Buildroot adds with full RELRO (BR2_RELRO_FULL).</summary>
    public HardeningFeature BindNow { get; init; } = new("bind-now", HardeningState.Unknown, "not read", Source, 0);
}
