using System.Text;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Components.Tests;

/// <summary>Builds small root file systems and firmware files on disk and runs the real inventory and extraction on them.</summary>
internal static class Fixture
{
    /// <summary>An ELF-looking file (the inventory tells ELF by its magic) that carries <paramref name="strings"/> among other bytes.</summary>
    public static byte[] Elf(params string[] strings)
    {
        var bytes = new List<byte>([0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1, 0]);
        bytes.AddRange(new byte[56]);
        foreach (var s in strings)
        {
            bytes.AddRange(Encoding.Latin1.GetBytes(s));
            bytes.AddRange(new byte[] { 0, 0x13, 0x37, 0 });
        }

        return [.. bytes];
    }

    public static ComponentExtractionResult Extract(string path, IReadOnlyList<IComponentDetector>? detectors = null)
    {
        var target = TargetResolver.Resolve([path], null)[0];
        var inventory = InventoryBuilder.Build(target, new InventoryOptions(), CancellationToken.None);
        return detectors is null
            ? ComponentExtraction.Run([inventory], CancellationToken.None)
            : ComponentExtraction.Run([inventory], detectors, CancellationToken.None);
    }

    public static ComponentEntry Single(ComponentExtractionResult result, string name) =>
        Assert.Single(result.Components, c => c.Name == name);

    /// <summary>A root file system folder named <c>rootfs</c> inside <paramref name="temp"/>.</summary>
    public static string Rootfs(TempDirectory temp) => Path.Combine(temp.Path, "rootfs");
}
