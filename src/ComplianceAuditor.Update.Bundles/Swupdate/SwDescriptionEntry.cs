namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>One artifact sw-description lists (an image, file or script) with the attributes that matter for integrity.</summary>
/// <param name="Path">Where it is listed, for the report: "software.myboard.images[1]".</param>
/// <param name="FileName">The cpio member it names, or null for entries without a file (embedded scripts).</param>
/// <param name="Sha256">The <c>sha256</c> attribute (lower-case hex as written), or null.</param>
/// <param name="Encrypted">Whether <c>encrypted = true</c>.</param>
internal sealed record SwDescriptionEntry(string Path, string? FileName, string? Sha256, bool Encrypted);
