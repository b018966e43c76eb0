namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>One parsed inode: the common header, and the fields of its kind (the others stay zero).</summary>
internal sealed record Inode
{
    public const uint NoFragment = uint.MaxValue;

    public required ulong Reference { get; init; }

    public required InodeKind Kind { get; init; }

    /// <summary>Permission bits (12 bits: rwx for all three, setuid, setgid, sticky).</summary>
    public int Mode { get; init; }

    public uint Uid { get; init; }

    public uint Gid { get; init; }

    /// <summary>Directory: its listing starts at this offset of the directory table, and this offset in that block.</summary>
    public long ListingBlock { get; init; }

    public int ListingOffset { get; init; }

    /// <summary>Directory: bytes of listing (the stored size less the 3 that count "." and "..").</summary>
    public long ListingSize { get; init; }

    /// <summary>File: the size in bytes.</summary>
    public long FileSize { get; init; }

    /// <summary>File: image offset of its first data block; the others follow it back to back.</summary>
    public long BlocksStart { get; init; }

    /// <summary>File: the number of full-or-last data blocks in the block list (the tail in a fragment is extra).</summary>
    public long BlockCount { get; init; }

    /// <summary>File: where its block list starts in the inode table (right after the inode's fixed fields).</summary>
    public (long BlockPosition, int Offset) BlockList { get; init; }

    public uint FragmentIndex { get; init; } = NoFragment;

    public uint FragmentOffset { get; init; }

    public string? LinkTarget { get; init; }

    /// <summary>Devices: major and minor, decoded from the Linux "new" encoding squashfs stores.</summary>
    public (long Major, long Minor) Device { get; init; }

    public bool HasFragment => FragmentIndex != NoFragment;
}
