namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>One setting read from a configuration file.</summary>
/// <param name="Key">The full name: <c>suricatta.url</c>, <c>update-types[0].no-downgrading</c>, <c>Acquire::https::Verify-Peer</c>.</param>
/// <param name="Value">The value without quotes.</param>
/// <param name="Line">1-based line of the value.</param>
internal sealed record ConfigEntry(string Key, string Value, int Line);
