using ComplianceAuditor.BuildHardening.Buildroot;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Flags;
using ComplianceAuditor.BuildHardening.Yocto;
using ComplianceAuditor.BuildHardening.Zephyr;

namespace ComplianceAuditor.BuildHardening;

/// <summary>
/// The entry point for the repository audit: picks the reader for a build file by its name and, for ambiguous
/// names (<c>.config</c>, <c>*_defconfig</c>, <c>*.conf</c>), by its content; a <c>*.conf</c> or <c>*.inc</c> is read as
/// Yocto only inside a layer or build folder. Reads at most 1 MiB, never writes.
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

    /// <summary>
    /// The kinds a file of this name can turn out to be once its content is read: one for most names, several for
    /// <c>*.conf</c>, none for a name no reader takes (or a <c>.inc</c> outside a Yocto layer). Lets a caller skip
    /// files that cannot be of the kinds it is interested in without reading them.
    /// </summary>
    public static IReadOnlyList<BuildFileKind> PossibleKinds(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var name = Path.GetFileName(relativePath);
        return name == "CMakeLists.txt" || name.EndsWith(".cmake", StringComparison.Ordinal) ? [BuildFileKind.CMake]
            : name is "Makefile" or "makefile" or "GNUmakefile" || name.EndsWith(".mk", StringComparison.Ordinal) ? [BuildFileKind.Make]
            : name.EndsWith(".bb", StringComparison.Ordinal) || name.EndsWith(".bbappend", StringComparison.Ordinal) || name == "local.conf" ? [BuildFileKind.Yocto]
            : name.EndsWith(".inc", StringComparison.Ordinal) ? (InLayer(relativePath) ? [BuildFileKind.Yocto] : [])
            : name == ".config" || name.EndsWith("_defconfig", StringComparison.Ordinal) ? [BuildFileKind.Buildroot]
            : name.EndsWith(".conf", StringComparison.Ordinal)
                ? (InLayer(relativePath) ? [BuildFileKind.Buildroot, BuildFileKind.Yocto, BuildFileKind.Zephyr] : [BuildFileKind.Buildroot, BuildFileKind.Zephyr])
            : [];
    }

    /// <summary>Reads and analyses the file at <paramref name="path"/>, naming it <paramref name="relativePath"/> in evidence.</summary>
    public static BuildFileAnalysis Analyze(string path, string relativePath) => Analyze(BuildFileText.ReadBounded(path), relativePath);

    /// <summary>Reads (at most <see cref="BuildFileText.MaxBytes"/>) and analyses <paramref name="content"/>; the caller disposes it.</summary>
    public static BuildFileAnalysis Analyze(Stream content, string relativePath) => Analyze(BuildFileText.ReadBounded(content), relativePath);

    private static BuildFileAnalysis Analyze(BuildFileRead read, string relativePath) => read.Text is null
        ? new BuildFileAnalysis(relativePath, BuildFileKind.None, null, null, null, null, read.Problem)
        : AnalyzeText(read.Text, relativePath) with { Cut = read.Cut };

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
            || (name.EndsWith(".inc", StringComparison.Ordinal) && InLayer(relativePath)))
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

            if (name.EndsWith(".conf", StringComparison.Ordinal) && InLayer(relativePath) && YoctoConfig.Read(text, relativePath) is { } distro)
            {
                return none with { Kind = BuildFileKind.Yocto, Yocto = distro };
            }
        }

        return none;
    }

    /// <summary>
    /// Whether a <c>.conf</c> or <c>.inc</c> sits where a Yocto layer or build folder keeps BitBake files: under a
    /// <c>conf</c> folder (layer, distro, machine and build configuration) or a <c>recipes-*</c> folder (recipe
    /// includes). Elsewhere such names are usually other formats (sysctl.conf, C or assembler includes) whose
    /// <c>key = value</c> lines would otherwise read as BitBake assignments.
    /// </summary>
    private static bool InLayer(string relativePath)
    {
        var folders = relativePath.Replace('\\', '/').Split('/');
        for (var i = 0; i < folders.Length - 1; i++)
        {
            if (folders[i] == "conf" || folders[i].StartsWith("recipes-", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
