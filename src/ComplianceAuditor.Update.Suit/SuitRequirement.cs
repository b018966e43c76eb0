namespace ComplianceAuditor.Update.Suit;

/// <summary>How strongly the SUIT documents ask for a manifest element (RFC 2119 words as RFC 9124 and the manifest draft use them).</summary>
public enum SuitRequirement
{
    /// <summary>REQUIRED / MUST.</summary>
    Required,

    /// <summary>RECOMMENDED / SHOULD.</summary>
    Recommended,

    /// <summary>OPTIONAL / MAY.</summary>
    Optional,
}
