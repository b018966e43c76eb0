namespace ComplianceAuditor.Unpacking;

/// <summary>
/// The POSIX <c>st_mode</c> layout, which most Unix containers store as is (cpio, tar, cramfs, jffs2, yaffs2, and zip
/// and 7z in the upper half of their attributes): one definition for every reader.
/// </summary>
public static class UnixModes
{
    /// <summary>The file-type bits.</summary>
    public const int TypeMask = 0xF000;

    /// <summary>Permission bits including setuid, setgid and sticky.</summary>
    public const int PermissionMask = 0xFFF;

    public const int Directory = 0x4000;

    /// <summary>The entry type a full mode describes, or null when the type bits are not a type POSIX defines.</summary>
    public static EntryType? TypeOf(long mode) => (mode & TypeMask) switch
    {
        0x8000 => EntryType.File,
        Directory => EntryType.Directory,
        0xA000 => EntryType.Symlink,
        0x2000 => EntryType.CharDevice,
        0x6000 => EntryType.BlockDevice,
        0x1000 => EntryType.Fifo,
        0xC000 => EntryType.Socket,
        _ => null,
    };

    public static int Permissions(long mode) => (int)(mode & PermissionMask);
}
