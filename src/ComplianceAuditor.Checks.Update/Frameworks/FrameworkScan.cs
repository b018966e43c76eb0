using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Update.Configuration;

namespace ComplianceAuditor.Checks.Update.Frameworks;

/// <summary>The update mechanisms of every file system of a target, scanned once for all the rules that ask.</summary>
internal sealed record FrameworkScan(IReadOnlyList<(InventoryFileView View, UpdateScanResult Result)> FileSystems)
{
    public static FrameworkScan Of(TargetInventory inventory) =>
        new([.. InventoryFileView.Of(inventory).Select(view => (view, UpdateFrameworkScan.Scan(view)))]);

    /// <summary>Every mechanism found, with the file system it was found in.</summary>
    public IEnumerable<(InventoryFileView View, UpdateFrameworkFinding Finding)> Findings =>
        FileSystems.SelectMany(fs => fs.Result.Findings.Select(f => (fs.View, f)));

    /// <summary>Insecure transport settings, those charged to a mechanism and those found elsewhere.</summary>
    public IEnumerable<(InventoryFileView View, TransportIssue Issue)> TransportIssues =>
        FileSystems.SelectMany(fs => fs.Result.Findings.SelectMany(f => f.TransportIssues).Concat(fs.Result.OtherTransportIssues).Select(i => (fs.View, i)));

    /// <summary>How a mechanism is named in a reason: "RAUC in firmware.img!/rootfs.squashfs".</summary>
    public static string Name(InventoryFileView view, UpdateFrameworkFinding finding) => $"{finding.Name} in {view.Name}";

    /// <summary>Evidence pointing at a file of the view, by its path in the report.</summary>
    public static EvidenceItem File(InventoryFileView view, string path, string description, int? line = null, string? excerpt = null) => new()
    {
        Kind = "file",
        Description = description,
        Path = view.ArtifactAt(path)?.Path ?? $"{view.Name}{path}",
        Line = line,
        Excerpt = excerpt,
    };
}
