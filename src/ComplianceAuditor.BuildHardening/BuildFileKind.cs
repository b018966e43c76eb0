namespace ComplianceAuditor.BuildHardening;

/// <summary>Which reader a build file goes to.</summary>
public enum BuildFileKind
{
    /// <summary>Not a file this library reads (or a Kconfig file of another kind, such as OpenWrt or U-Boot).</summary>
    None,

    /// <summary>A Buildroot <c>.config</c> or defconfig.</summary>
    Buildroot,

    /// <summary>A Yocto configuration, recipe or bbappend.</summary>
    Yocto,

    /// <summary>A Zephyr <c>prj.conf</c>, <c>sysbuild.conf</c> or Kconfig fragment.</summary>
    Zephyr,

    /// <summary>A CMake file.</summary>
    CMake,

    /// <summary>A Makefile or <c>*.mk</c>.</summary>
    Make,
}
