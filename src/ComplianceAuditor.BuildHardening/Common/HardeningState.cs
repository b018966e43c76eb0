namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>What a build file says about one hardening feature.</summary>
public enum HardeningState
{
    /// <summary>The file does not decide it: a toolchain file, another fragment or the compiler default may.</summary>
    Unknown,

    /// <summary>The file turns the feature on: evidence for a pass.</summary>
    Enabled,

    /// <summary>The file turns the feature off explicitly: a failure.</summary>
    Disabled,
}
