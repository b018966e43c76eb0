namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// The span of the image where one table's metadata blocks may lie; every block a reference leads to must start
/// and end inside it, so a hostile reference cannot make one table read another's bytes or run off the image.
/// </summary>
/// <param name="Name">The table, for messages ("inode table").</param>
internal sealed record MetadataRegion(string Name, long Start, long End);
