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

    /// <summary>The bytes, when the artifact has readable content.</summary>
    public IArtifactContent? Content { get; init; }

    /// <summary>True for the artifact that stands for a whole target.</summary>
    public bool IsTargetRoot => Parent is null;
}
