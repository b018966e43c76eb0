namespace ComplianceAuditor.Credentials.Accounts;

/// <summary>A line of an account file that was not read as an entry, and why.</summary>
public sealed record LineProblem(int LineNumber, string Reason);
