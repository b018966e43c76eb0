using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Update.Frameworks;

/// <summary>One question asked of a target's update mechanisms (a <c>find</c> value of <c>update-framework</c>).</summary>
internal interface IFrameworkJudge
{
    CheckOutcome Judge(FrameworkScan scan);
}
