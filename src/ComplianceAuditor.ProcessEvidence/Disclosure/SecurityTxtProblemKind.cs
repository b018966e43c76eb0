namespace ComplianceAuditor.ProcessEvidence.Disclosure;

/// <summary>What is wrong with a security.txt file (RFC 9116).</summary>
public enum SecurityTxtProblemKind
{
    /// <summary>No Contact field; the RFC requires at least one.</summary>
    MissingContact,

    /// <summary>A Contact value that is not a mailto:, https: or tel: URI.</summary>
    InvalidContact,

    /// <summary>A Canonical, Policy, Acknowledgments, Hiring, CSAF or Encryption value using http: (the RFC requires https: for web URIs).</summary>
    InsecureUri,

    /// <summary>No Expires field; the RFC requires exactly one.</summary>
    MissingExpires,

    /// <summary>More than one Expires field.</summary>
    DuplicateExpires,

    /// <summary>An Expires value that is not an RFC 3339 / ISO 8601 date-time.</summary>
    InvalidExpires,

    /// <summary>The Expires date is before the reference time.</summary>
    Expired,

    /// <summary>The Expires date is more than a year ahead, against the RFC's recommendation (a warning).</summary>
    ExpiresTooFarAhead,

    /// <summary>A field the RFC does not define (allowed; listed for information).</summary>
    UnknownField,

    /// <summary>A line that is neither a field, a comment nor blank.</summary>
    MalformedLine,

    /// <summary>A PGP cleartext-signed file whose signature block never starts or ends.</summary>
    BrokenSignatureArmor,
}
