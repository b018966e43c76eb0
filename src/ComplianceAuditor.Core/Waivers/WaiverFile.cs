namespace ComplianceAuditor.Core.Waivers;

/// <summary>A loaded waivers file: its name and hash for the report, and its waivers in file order.</summary>
public sealed record WaiverFile(string Source, string Sha256, IReadOnlyList<Waiver> Waivers)
{
    public static WaiverFile None { get; } = new("", "", []);
}
