using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Reading;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// A Linux kernel, from the banner <c>init/version.c</c> puts in every image ("Linux version 5.10.110-rt63 (builder@host)
/// (gcc ...)"). Kernel images arrive compressed inside uImages and FIT images; the inventory decompresses them, and
/// this reads the result. The version recorded is the release number; the local suffix stays in the evidence.
/// </summary>
internal sealed partial class LinuxBannerDetector : IComponentDetector
{
    private static readonly Regex[] Patterns = [BannerPattern()];

    public string Name => "linux-banner";

    public bool Wants(Artifact artifact) => ArtifactNames.IsScannable(artifact);

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        foreach (var (_, match, offset) in BannerScan.FirstMatches(artifact, Patterns, notes, cancellationToken))
        {
            yield return LinuxKernel.Found(artifact, match.Groups["v"].Value, "binary-analysis", BannerScan.Evidence(match, offset), 0.9);
        }
    }

    [GeneratedRegex(@"Linux version (?<v>" + LinuxKernel.Release + @")[A-Za-z0-9.+_~-]{0,64} \(", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex BannerPattern();
}
