using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

/// <summary>Runs the scan on a view and picks out one mechanism's finding.</summary>
internal static class Scan
{
    public static UpdateScanResult Run(InMemoryFileView view) => UpdateFrameworkScan.Scan(view);

    public static UpdateFrameworkFinding Single(InMemoryFileView view, string name)
    {
        var result = Run(view);
        return Assert.Single(result.Findings, f => f.Name == name);
    }

    public static byte[] Elf => [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0];
}
