namespace ComplianceAuditor.Repository.Objects;

/// <summary>The object kinds git stores, with the numbers a pack gives them.</summary>
internal enum RawKind
{
    None = 0,
    Commit = 1,
    Tree = 2,
    Blob = 3,
    Tag = 4,
}

/// <summary>What reading one object gave.</summary>
internal enum ReadStatus
{
    /// <summary>Read: <see cref="RawObject.Data"/> holds the content.</summary>
    Ok,

    /// <summary>Larger than the caller's limit; <see cref="RawObject.Size"/> says how large. Nothing was read.</summary>
    TooLarge,

    /// <summary>Not found by this reader, or in a form it does not read: the caller asks libgit2 instead.</summary>
    NotHere,

    /// <summary>
    /// Found, but built to cost far more than its size (a delta chain that comes back to itself or rebuilds large
    /// objects over and over): not read, and not handed to libgit2 either, which would do the same work.
    /// </summary>
    Refused,
}

/// <summary>One object read from the object database without libgit2.</summary>
internal readonly record struct RawObject(ReadStatus Status, RawKind Kind, long Size, byte[] Data)
{
    public static RawObject NotHere { get; } = new(ReadStatus.NotHere, RawKind.None, 0, []);

    public static RawObject Refused { get; } = new(ReadStatus.Refused, RawKind.None, 0, []);
}
