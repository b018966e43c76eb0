namespace ComplianceAuditor.Core.Schemes;

/// <summary>How a provision can be settled.</summary>
public enum AssessmentMethod
{
    /// <summary>Results of the linked <c>CHK-*</c> checks give evidence.</summary>
    Automated,

    /// <summary>Only the manufacturer's declaration can settle it (or confirm what the tool saw).</summary>
    Declaration,

    /// <summary>Only a test laboratory can settle it (functional tests on the device, physical interfaces).</summary>
    Lab,
}
