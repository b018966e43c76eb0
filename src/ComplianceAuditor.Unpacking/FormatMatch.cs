namespace ComplianceAuditor.Unpacking;

/// <summary>A validated header: an image of the reader's format starts here.</summary>
/// <param name="Length">
/// How many bytes the image occupies, from its header (a squashfs <c>bytes_used</c>, a uImage header plus data size);
/// null when the header does not say, and the image is taken to run to the end of the data.
/// </param>
/// <param name="Description">One line for the report: "squashfs 4.0, xz, 1834 inodes".</param>
public sealed record FormatMatch(long? Length, string Description);
