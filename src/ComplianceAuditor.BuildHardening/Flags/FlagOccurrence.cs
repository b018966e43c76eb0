namespace ComplianceAuditor.BuildHardening.Flags;

/// <summary>One hardening-related compiler or linker flag where it is written.</summary>
/// <param name="Flag">The flag as written, e.g. <c>-fstack-protector-strong</c> or <c>-z relro</c>.</param>
/// <param name="Feature">"ssp", "fortify", "pie", "relro", "bind-now", "noexecstack" or "cf-protection".</param>
/// <param name="Enables">True when it turns the feature on, false when it turns it off.</param>
/// <param name="Scope">"debug" when it applies only to debug builds (a <c>_DEBUG</c> variable or <c>$&lt;CONFIG:Debug&gt;</c>), "release" for release-only variables, else "all".</param>
/// <param name="File">The name the caller gave the file.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record FlagOccurrence(string Flag, string Feature, bool Enables, string Scope, string File, int Line);
