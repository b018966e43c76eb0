namespace ComplianceAuditor.Unpacking;

/// <summary>A magic number and where it sits relative to the start of an image.</summary>
/// <param name="Magic">The bytes; at least 2 (4 or more keeps carving fast and its false positives few).</param>
/// <param name="OffsetInImage">Distance from the first byte of the image to the first byte of the magic number.</param>
public sealed record FormatSignature(byte[] Magic, int OffsetInImage = 0)
{
    /// <summary>How many bytes <see cref="IFormatReader.Identify"/> is shown at most.</summary>
    public const int HeadBytes = 64 * 1024;
}
