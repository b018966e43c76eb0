namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>A regular file inside an in-memory tar archive: its path and where its bytes are.</summary>
internal sealed record TarEntry(string Name, long Offset, long Size);
