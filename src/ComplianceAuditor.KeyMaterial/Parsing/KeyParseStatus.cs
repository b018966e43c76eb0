namespace ComplianceAuditor.KeyMaterial.Parsing;

public enum KeyParseStatus
{
    /// <summary>The candidate parsed as key material; <see cref="KeyParseResult.Item"/> describes it.</summary>
    Confirmed,

    /// <summary>It only looked like key material; <see cref="KeyParseResult.Reason"/> says why it is not.</summary>
    Rejected,
}
