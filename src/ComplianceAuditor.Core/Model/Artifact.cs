namespace ComplianceAuditor.Core.Model;

/// <summary>
/// Every file or embedded object found in a target. <see cref="Path"/> is virtual: the target name, then the path
/// inside it, with <c>!/</c> marking a step into a container (<c>firmware.img!/rootfs.squashfs!/etc/shadow</c>).
/// </summary>
public sealed record Artifact
{
    /// <summary>The virtual path, unique within an audit.</summary>
    public required string Path { get; init; }

    /// <summary>The name of the target this artifact came from.</summary>
    public required string Target { get; init; }

    /// <summary>
    /// The path relative to the target's root (or to the innermost container), with forward slashes.
    /// Rule path globs match against this. Empty for the target root itself.
    /// </summary>
    public required string RelativePath { get; init; }

    /// <summary>The virtual path of the artifact that contains this one; null for a target root.</summary>
    public string? Parent { get; init; }

    /// <summary>Byte offset inside the parent for carved objects; null for files of a file system.</summary>
    public long? Offset { get; init; }

    public required ArtifactKind Kind { get; init; }

    public long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content; empty for directories, links and unreadable files.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>For a symbolic link, where it points (as stored, not resolved).</summary>
    public string? LinkTarget { get; init; }

    /// <summary>Why the artifact is unreadable or was only partly inspected, if it was.</summary>
    public string? Note { get; init; }

    /// <summary>Unix permission bits (setuid, setgid and sticky included), when the container or file system has them.</summary>
    public int? Mode { get; init; }

    public long? Uid { get; init; }

    public long? Gid { get; init; }

    /// <summary>The address a firmware loader puts these bytes at (uImage, Intel HEX, ESP-IDF), when known.</summary>
    public long? LoadAddress { get; init; }

    /// <summary>
    /// What took this artifact out of its parent: the parent's format and reader (<c>squashfs (native)</c>), or
    /// <c>carved (signature search)</c> for an image found at an offset of a blob. Null for files of a directory target.
    /// </summary>
    public string? ExtractedBy { get; init; }

    /// <summary>Set when this artifact was recognised as a container; says what opening it gave.</summary>
    public ContainerInfo? Container { get; init; }

    /// <summary>For content read from a repository's history: the commit that added it. Null for files of a tree.</summary>
    public ArtifactHistory? History { get; init; }

    /// <summary>The bytes, when the artifact has readable content.</summary>
    public IArtifactContent? Content { get; init; }

    /// <summary>True for the artifact that stands for a whole target.</summary>
    public bool IsTargetRoot => Parent is null;
}
