using ComplianceAuditor.BuildHardening;

namespace ComplianceAuditor.Checks.Build.Reading;

/// <summary>How results name the kinds of build file.</summary>
internal static class BuildFileKinds
{
    public static string Name(BuildFileKind kind) => kind switch
    {
        BuildFileKind.Buildroot => "Buildroot configuration",
        BuildFileKind.Yocto => "Yocto (BitBake) file",
        BuildFileKind.Zephyr => "Zephyr Kconfig fragment",
        BuildFileKind.CMake => "CMake file",
        BuildFileKind.Make => "Makefile",
        _ => "file of no build system these checks read",
    };

    /// <summary>"Buildroot configurations and Zephyr Kconfig fragments" for a list of kinds.</summary>
    public static string Names(IEnumerable<BuildFileKind> kinds)
    {
        var names = kinds.Select(k => Name(k) + "s").ToList();
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }
}
