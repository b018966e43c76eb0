using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>A blob read whole: its id and its bytes (at most the scan's size limit).</summary>
internal sealed record BlobContent(ObjectId Id, byte[] Bytes);
