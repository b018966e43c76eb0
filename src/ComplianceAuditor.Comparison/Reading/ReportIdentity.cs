namespace ComplianceAuditor.Comparison.Reading;

/// <summary>
/// Which audit a report records: the file it was read from, the tool and rule set that wrote it, and the inputs'
/// hashes. A comparison shows them so a reader can tell a firmware change from a rule change.
/// </summary>
public sealed record ReportIdentity(string Path, string ToolVersion, string RulesetSha256, string GeneratedAt, IReadOnlyList<ReportInput> Inputs);

/// <summary>One audited input as the report names it.</summary>
public sealed record ReportInput(string Name, string Sha256);
