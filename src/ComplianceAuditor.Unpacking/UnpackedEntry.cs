namespace ComplianceAuditor.Unpacking;

/// <summary>One item inside a container, as the format stores it. The driver validates the path before using it.</summary>
public sealed record UnpackedEntry
{
    /// <summary>The path inside the container with forward slashes, as stored (it may be hostile: absolute, with <c>..</c>).</summary>
    public required string Path { get; init; }

    public required EntryType Type { get; init; }

    /// <summary>Content size in bytes as the format declares it (the driver counts what is really read).</summary>
    public long Size { get; init; }

    /// <summary>For links: the target as stored.</summary>
    public string? LinkTarget { get; init; }

    /// <summary>Unix permission bits (including setuid, setgid, sticky), when the format has them.</summary>
    public int? Mode { get; init; }

    public long? Uid { get; init; }

    public long? Gid { get; init; }

    /// <summary>Device numbers of a character or block device.</summary>
    public (long Major, long Minor)? Device { get; init; }

    /// <summary>Where the entry's bytes start in the container, when they are stored there contiguously and uncompressed.</summary>
    public long? Offset { get; init; }

    /// <summary>The address the bytes are loaded to (Intel HEX, S-record, uImage, ESP-IDF segments), when known.</summary>
    public long? LoadAddress { get; init; }

    /// <summary>A short note about the entry for the report ("partition 'ota_0' (app, ota_0)").</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Opens the content of a <see cref="EntryType.File"/> entry. Called at most once, before the next entry is
    /// requested; the returned stream may fail with <see cref="UnpackException"/> while it is read.
    /// </summary>
    public Func<Stream>? Open { get; init; }
}
