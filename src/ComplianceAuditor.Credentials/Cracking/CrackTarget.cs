using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Cracking;

/// <summary>An account and its password field.</summary>
public sealed record CrackTarget(string Account, PasswordHash Hash);
