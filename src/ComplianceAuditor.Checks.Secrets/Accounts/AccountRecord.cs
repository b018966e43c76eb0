using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Checks.Secrets.Accounts;

/// <summary>One account of an account file, whatever its format: enough for the credential checks.</summary>
/// <param name="Uid">From passwd only; null for the other formats.</param>
/// <param name="CanLogIn">False when the file says the account has no login shell; true when it cannot say.</param>
internal sealed record AccountRecord(string Name, PasswordHash Hash, int Line, uint? Uid, bool CanLogIn);
