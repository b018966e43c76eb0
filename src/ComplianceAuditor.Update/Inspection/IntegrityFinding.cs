namespace ComplianceAuditor.Update.Inspection;

/// <summary>The integrity check an image carries: a digest or checksum, and whether the bytes still match it.</summary>
/// <param name="Kind">"SHA-256", "CRC32", "SHA-256 + XOR checksum".</param>
/// <param name="Matches">Whether it matched the bytes; null when it could not be recomputed (detached payload).</param>
/// <param name="Covers">What the check covers, for the report ("header, body and protected TLVs").</param>
public sealed record IntegrityFinding(string Kind, bool? Matches, string Covers);
