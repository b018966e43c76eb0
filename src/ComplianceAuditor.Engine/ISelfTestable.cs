namespace ComplianceAuditor.Engine;

/// <summary>A prepared check that can run a rule's must-match / must-not-match samples.</summary>
public interface ISelfTestable
{
    bool MatchesSample(string sample);
}
