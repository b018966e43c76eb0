namespace ComplianceAuditor.Unpacking;

/// <summary>What an entry inside a container is.</summary>
public enum EntryType
{
    File,
    Directory,

    /// <summary>A symbolic link; <see cref="UnpackedEntry.LinkTarget"/> holds the target as stored. Never followed.</summary>
    Symlink,

    /// <summary>A second name for another entry; <see cref="UnpackedEntry.LinkTarget"/> is that entry's path in the container.</summary>
    HardLink,

    CharDevice,
    BlockDevice,
    Fifo,
    Socket,
}
