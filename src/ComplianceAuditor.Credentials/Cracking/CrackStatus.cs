namespace ComplianceAuditor.Credentials.Cracking;

public enum CrackStatus
{
    /// <summary>A candidate is the password (or the field is empty).</summary>
    Cracked,

    /// <summary>Every candidate was tried and none matched.</summary>
    NotFound,

    /// <summary>The hash could not be tested fully: no verifier, malformed, over the cost limits, or out of budget.</summary>
    NotVerified,

    /// <summary>No password can log in to the account (locked, or its hash is in another file).</summary>
    Skipped,
}
