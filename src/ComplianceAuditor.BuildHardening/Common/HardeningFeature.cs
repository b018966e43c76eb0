namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>The state of one hardening feature (stack protector, FORTIFY, PIE, RELRO ...) in one file.</summary>
/// <param name="Name">"ssp", "fortify", "pie", "relro", "bind-now", "noexecstack", "cf-protection", or a parser-specific name it documents.</param>
/// <param name="State">Enabled, explicitly disabled, or unknown from this file.</param>
/// <param name="Reason">The setting that decided it, or why it is unknown.</param>
/// <param name="File">The name the caller gave the file.</param>
/// <param name="Line">The deciding line, or 0 when none.</param>
public sealed record HardeningFeature(string Name, HardeningState State, string Reason, string File, int Line);
