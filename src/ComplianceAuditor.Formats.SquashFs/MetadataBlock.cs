namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>One decompressed metadata block and where the block after it starts in the image.</summary>
internal sealed class MetadataBlock(byte[] data, long next)
{
    /// <summary>The decompressed bytes: at most 8 KiB, exactly as long as the block expanded to.</summary>
    public byte[] Data { get; } = data;

    /// <summary>Image offset of the following block (this block's offset, its 2-byte header and stored bytes).</summary>
    public long Next { get; } = next;
}
