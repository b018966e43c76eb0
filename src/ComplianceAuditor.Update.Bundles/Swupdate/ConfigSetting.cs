namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>A named (group member) or unnamed (list element) value.</summary>
internal sealed record ConfigSetting(string? Name, ConfigNode Value);
