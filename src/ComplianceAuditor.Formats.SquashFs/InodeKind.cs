namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// What an inode is, whatever its layout: squashfs types 1-7 are the basic inodes, 8-14 the extended ones (with
/// 64-bit sizes, link counts and xattrs) of the same kinds in the same order.
/// </summary>
internal enum InodeKind
{
    Directory = 1,
    File = 2,
    Symlink = 3,
    BlockDevice = 4,
    CharDevice = 5,
    Fifo = 6,
    Socket = 7,
}
