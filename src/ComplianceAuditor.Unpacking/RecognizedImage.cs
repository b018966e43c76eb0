namespace ComplianceAuditor.Unpacking;

/// <summary>An image found in some data: which format, where it starts, how long it is.</summary>
/// <param name="Format">The reader that validated the header.</param>
/// <param name="Offset">Where the image starts in the data it was found in.</param>
/// <param name="Length">Bytes the image occupies (from its header, or to the next image or the end of the data).</param>
/// <param name="Description">The reader's one-line description.</param>
/// <param name="LengthKnown">True when the header said how long the image is; otherwise it runs to the next image.</param>
public sealed record RecognizedImage(RegisteredFormat Format, long Offset, long Length, string Description, bool LengthKnown);
