namespace ComplianceAuditor.Credentials.Crypt;

public enum VerifyResult
{
    /// <summary>The candidate is the password.</summary>
    Match,

    /// <summary>The candidate was tested and is not the password.</summary>
    NoMatch,

    /// <summary>No test was made: the scheme has no verifier, the field is malformed, or its cost is over the limits.</summary>
    NotVerifiable,
}
