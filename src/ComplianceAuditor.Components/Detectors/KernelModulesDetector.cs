using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// The Linux kernel a root file system was built for, from its module folder (<c>/lib/modules/5.10.110/</c>). Many
/// images keep the kernel in a partition of its own, so the root file system shows the version only this way.
/// </summary>
internal sealed partial class KernelModulesDetector : IComponentDetector
{
    private const string Folder = "lib/modules/";

    public string Name => "kernel-modules";

    /// <summary>
    /// The folder itself where the container lists folders; otherwise (a root file system given as a folder lists only
    /// files) the index files kbuild and depmod leave in it. Not the modules: one folder holds hundreds of them.
    /// </summary>
    public bool Wants(Artifact artifact)
    {
        if (!artifact.RelativePath.StartsWith(Folder, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = artifact.RelativePath.IndexOf('/', Folder.Length);
        return artifact.Kind == ArtifactKind.Directory
            ? slash < 0
            : slash > 0 && artifact.RelativePath[(slash + 1)..] is "modules.order" or "modules.dep" or "modules.builtin";
    }

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        var slash = artifact.RelativePath.IndexOf('/', Folder.Length);
        var folder = slash < 0 ? artifact.RelativePath[Folder.Length..] : artifact.RelativePath[Folder.Length..slash];
        if (ReleaseFolder().Match(folder) is not { Success: true } match)
        {
            yield break;
        }

        // A folder name is only a convention; the kernel's own banner is stronger where it is found.
        yield return LinuxKernel.Found(artifact, match.Groups["v"].Value, "filename", $"module folder /{Folder}{folder}", 0.6);
    }

    [GeneratedRegex("^(?<v>" + LinuxKernel.Release + @")([-+._A-Za-z][A-Za-z0-9.+_-]{0,64})?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex ReleaseFolder();
}
