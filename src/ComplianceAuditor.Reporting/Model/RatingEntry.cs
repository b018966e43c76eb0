namespace ComplianceAuditor.Reporting.Model;

public sealed record RatingEntry(string Label, double Score, string Formula);
