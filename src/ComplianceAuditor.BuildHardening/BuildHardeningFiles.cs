using ComplianceAuditor.BuildHardening.Buildroot;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Flags;
using ComplianceAuditor.BuildHardening.Yocto;
using ComplianceAuditor.BuildHardening.Zephyr;

namespace ComplianceAuditor.BuildHardening;

/// <summary>
/// The entry point for the repository audit: picks the reader for a build file by its name and, for ambiguous
/// names (<c>.config</c>, <c>*_defconfig</c>, <c>*.conf</c>), by its content. Reads at most 1 MiB, never writes.
/// </summary>
public static class BuildHardeningFiles
{
    /// <summary>True when the file name is one this library may read (the content still decides for ambiguous names).</summary>
    public static bool IsCandidate(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        return name is "CMakeLists.txt" or "Makefile" or "makefile" or "GNUmakefile" or ".config"
            || name.EndsWith(".cmake", StringComparison.Ordinal) || name.EndsWith(".mk", StringComparison.Ordinal)
            || name.EndsWith("_defconfig", StringComparison.Ordinal) || name.EndsWith(".conf", StringComparison.Ordinal)
            || name.EndsWith(".bb", StringComparison.Ordinal) || name.EndsWith(".bbappend", StringComparison.Ordinal)
            || name.EndsWith(".inc", StringComparison.Ordinal);
    }

    /// <summary>Reads and analyses the file at <paramref name="path"/>, naming it <paramref name="relativePath"/> in evidence.</summary>
    public static BuildFileAnalysis Analyze(string path, string relativePath)
    {
        var (text, problem) = BuildFileText.Read(path);
        return text is null
            ? new BuildFileAnalysis(relativePath, BuildFileKind.None, null, null, null, null, problem)
            : AnalyzeText(text, relativePath);
    }

    /// <summary>Analyses text already read; <paramref name="relativePath"/> chooses the reader and names the file in evidence.</summary>
    public static BuildFileAnalysis AnalyzeText(string? text, string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        var none = new BuildFileAnalysis(relativePath, BuildFileKind.None, null, null, null, null, null);
        if (name == "CMakeLists.txt" || name.EndsWith(".cmake", StringComparison.Ordinal))
        {
            return none with { Kind = BuildFileKind.CMake, Flags = CompilerFlags.ReadCMake(text, relativePath) };
        }

        if (name is "Makefile" or "makefile" or "GNUmakefile" || name.EndsWith(".mk", StringComparison.Ordinal))
        {
            return none with { Kind = BuildFileKind.Make, Flags = CompilerFlags.ReadMake(text, relativePath) };
        }

        if (name.EndsWith(".bb", StringComparison.Ordinal) || name.EndsWith(".bbappend", StringComparison.Ordinal) || name == "local.conf"
            || name.EndsWith(".inc", StringComparison.Ordinal))
        {
            return YoctoConfig.Read(text, relativePath) is { } yocto ? none with { Kind = BuildFileKind.Yocto, Yocto = yocto } : none;
        }

        if (name == ".config" || name.EndsWith("_defconfig", StringComparison.Ordinal) || name.EndsWith(".conf", StringComparison.Ordinal))
        {
            if (BuildrootConfig.Read(text, relativePath) is { } buildroot)
            {
                return none with { Kind = BuildFileKind.Buildroot, Buildroot = buildroot };
            }

            // A .conf with CONFIG_ symbols is a Zephyr fragment; one with BitBake assignments (distro, layer) is Yocto.
            if (name.EndsWith(".conf", StringComparison.Ordinal) && ZephyrKconfig.Read(text, relativePath) is { } zephyr)
            {
                return none with { Kind = BuildFileKind.Zephyr, Zephyr = zephyr };
            }

            if (name.EndsWith(".conf", StringComparison.Ordinal) && YoctoConfig.Read(text, relativePath) is { } distro)
            {
                return none with { Kind = BuildFileKind.Yocto, Yocto = distro };
            }
        }

        return none;
    }
}
