using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Esp;

/// <summary>What the signature checks of one image add to its inspection, gathered in reading order.</summary>
internal sealed class EspFindings
{
    public List<SignatureFinding> Signatures { get; } = [];

    public List<UpdateWeakness> Weaknesses { get; } = [];

    public List<InspectionFact> Facts { get; } = [];

    /// <summary>The first defect that stopped reading a signature area, or null.</summary>
    public string? Problem { get; set; }
}
