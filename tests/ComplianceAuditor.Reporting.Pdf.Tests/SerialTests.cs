namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>Tests that change process-wide state (the time zone) run alone, so no other test renders meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTests
{
    public const string Name = "process-wide state";
}
