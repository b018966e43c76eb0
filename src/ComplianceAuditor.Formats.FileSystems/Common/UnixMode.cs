using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Common;

/// <summary>The POSIX st_mode layout, which cramfs, jffs2 and yaffs store as is.</summary>
internal static class UnixMode
{
    public const uint TypeMask = 0xF000;
    public const uint Directory = 0x4000;
    public const uint Regular = 0x8000;
    public const uint Symlink = 0xA000;

    /// <summary>The entry type for a mode, or null for a type value POSIX does not define.</summary>
    public static EntryType? TypeOf(uint mode) => (mode & TypeMask) switch
    {
        0x8000 => EntryType.File,
        0x4000 => EntryType.Directory,
        0xA000 => EntryType.Symlink,
        0x2000 => EntryType.CharDevice,
        0x6000 => EntryType.BlockDevice,
        0x1000 => EntryType.Fifo,
        0xC000 => EntryType.Socket,
        _ => null,
    };

    /// <summary>Permission bits including setuid, setgid and sticky.</summary>
    public static int Permissions(uint mode) => (int)(mode & 0xFFF);
}
