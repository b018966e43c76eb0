namespace ComplianceAuditor.Core.Model;

/// <summary>One thing the user asked us to audit.</summary>
/// <param name="Name">
/// The display name, unique within an audit: the file or directory name, never an absolute path,
/// so reports do not depend on where the input sat on disk.
/// </param>
/// <param name="Kind">What the target is.</param>
/// <param name="LocalPath">Where the target is on this machine. Never written to a report.</param>
public sealed record AuditTarget(string Name, TargetKind Kind, string LocalPath)
{
    /// <summary>SHA-256 of the file, or of the sorted (path, file hash) list for a directory.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>Bytes in the file, or in all regular files under the directory.</summary>
    public long Size { get; init; }
}
