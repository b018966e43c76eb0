namespace ComplianceAuditor.Update.Inspection;

/// <summary>A named fact about an image for the report: "image version" = "1.2.3+4".</summary>
public sealed record InspectionFact(string Name, string Value);
