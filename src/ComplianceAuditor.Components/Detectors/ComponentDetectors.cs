namespace ComplianceAuditor.Components.Detectors;

/// <summary>Every detector the extraction runs, in one explicit list: adding one is adding a line here.</summary>
internal static class ComponentDetectors
{
    public static IReadOnlyList<IComponentDetector> All { get; } =
    [
        new OsReleaseDetector(),
        new OpkgDetector(),
        new DpkgDetector(),
        new BusyBoxDetector(),
        new BannerDetector(),
        new LinuxBannerDetector(),
        new KernelModulesDetector(),
        new UImageDetector(),
        new EspAppDetector(),
        new McubootDetector(),
        new FileSystemDetector(),
    ];
}
