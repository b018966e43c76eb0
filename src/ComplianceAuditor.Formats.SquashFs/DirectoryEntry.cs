namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>One name in a directory listing and the inode it points at.</summary>
/// <param name="Type">The basic inode type the listing records (1-7); the inode itself has the final word.</param>
internal readonly record struct DirectoryEntry(string Name, ulong InodeReference, int Type);
