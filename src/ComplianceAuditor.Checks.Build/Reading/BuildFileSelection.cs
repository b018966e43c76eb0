using ComplianceAuditor.BuildHardening;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Build.Reading;

/// <summary>Which artifacts are build files of the working tree, the only ones these checks read.</summary>
internal static class BuildFileSelection
{
    /// <summary>
    /// A file of the working tree (not something unpacked from an archive or image kept in the repository, whose
    /// virtual path contains <c>!/</c>) with a name a build-file reader takes.
    /// </summary>
    public static bool IsWorkingTreeBuildFile(Artifact artifact) =>
        !artifact.IsTargetRoot
        && !artifact.Path.Contains("!/", StringComparison.Ordinal)
        && BuildHardeningFiles.IsCandidate(artifact.RelativePath);

    /// <summary>What the checks read, for a not-applicable reason.</summary>
    public const string Described = "Buildroot and Zephyr Kconfig files, Yocto configuration and recipes, CMake files and Makefiles";
}
