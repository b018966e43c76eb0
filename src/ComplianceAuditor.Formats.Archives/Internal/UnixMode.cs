using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Internal;

/// <summary>The file-type half of a Unix <c>st_mode</c>, as zip and 7z keep it in the upper bits of their attributes.</summary>
internal static class UnixMode
{
    public const int TypeMask = 0xF000;
    public const int PermissionMask = 0xFFF;

    private const int Fifo = 0x1000;
    private const int CharDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Symlink = 0xA000;
    private const int Socket = 0xC000;

    /// <summary>The entry type a full mode describes, or null when the type bits are not a known file type.</summary>
    public static EntryType? TypeOf(int mode) => (mode & TypeMask) switch
    {
        Regular => EntryType.File,
        Directory => EntryType.Directory,
        Symlink => EntryType.Symlink,
        CharDevice => EntryType.CharDevice,
        BlockDevice => EntryType.BlockDevice,
        Fifo => EntryType.Fifo,
        Socket => EntryType.Socket,
        _ => null,
    };
}
