using ComplianceAuditor.Update.Configuration.Scanning;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>Finds one update mechanism in a root file system and judges its configuration.</summary>
internal interface IFrameworkDetector
{
    /// <summary>The findings for this mechanism (usually one), or none when the view shows no trace of it.</summary>
    IEnumerable<UpdateFrameworkFinding> Detect(ScanContext context);
}
