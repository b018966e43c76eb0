using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Reporting.Model;

/// <summary>One artifact with its virtual path (<c>firmware.img!/rootfs.squashfs!/etc/shadow</c>).</summary>
public sealed record ArtifactEntry
{
    public required string Path { get; init; }

    public required string Target { get; init; }

    public string? Parent { get; init; }

    public long? Offset { get; init; }

    /// <summary><c>directory</c>, <c>text</c>, <c>elf</c>, <c>binary</c>, <c>symlink</c>, <c>special</c> or <c>unreadable</c>.</summary>
    public required string Kind { get; init; }

    public required long Size { get; init; }

    public string? Sha256 { get; init; }

    public string? LinkTarget { get; init; }

    public string? Note { get; init; }

    /// <summary>Four octal digits (<c>4755</c>), when the container records permissions.</summary>
    public string? Mode { get; init; }

    public long? Uid { get; init; }

    public long? Gid { get; init; }

    /// <summary>0x-prefixed lower-case hex.</summary>
    public string? LoadAddress { get; init; }

    public string? ExtractedBy { get; init; }

    public ContainerInfo? Container { get; init; }

    /// <summary>Set for content read from a repository's history.</summary>
    public HistoryEntry? History { get; init; }
}
