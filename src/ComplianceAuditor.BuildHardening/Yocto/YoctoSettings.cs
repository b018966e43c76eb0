using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Flags;

namespace ComplianceAuditor.BuildHardening.Yocto;

/// <summary>What a Yocto <c>local.conf</c>, distro configuration, image recipe or bbappend says about image access and hardening.</summary>
/// <param name="Source">The name the caller gave the file.</param>
/// <param name="ImageFeatures">IMAGE_FEATURES and EXTRA_IMAGE_FEATURES words this file leaves in effect, sorted.</param>
/// <param name="InheritsExtraUsers">The file inherits the extrausers class (INHERIT += or an inherit line).</param>
/// <param name="SecurityFlags">Whether <c>security_flags.inc</c> is included (Enabled), its flags are emptied (Disabled), or this file does not say (Unknown).</param>
/// <param name="Flags">Hardening compiler and linker flags written in the file's variables.</param>
/// <param name="Weaknesses">Named weaknesses in line order; codes are listed on <see cref="YoctoConfig"/>.</param>
/// <param name="Truncated">True when only the start of the file was read.</param>
public sealed record YoctoSettings(
    string Source,
    IReadOnlyList<string> ImageFeatures,
    bool InheritsExtraUsers,
    HardeningFeature SecurityFlags,
    CompilerFlagReport Flags,
    IReadOnlyList<BuildWeakness> Weaknesses,
    bool Truncated);
