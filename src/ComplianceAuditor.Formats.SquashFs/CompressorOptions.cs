using System.Buffers.Binary;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// The optional metadata block after the superblock that records non-default compressor settings. Only LZ4's
/// matters for reading (its format version); the rest is checked for the expected size and otherwise ignored,
/// since the compressed streams describe themselves.
/// </summary>
internal static class CompressorOptions
{
    private const uint Lz4Legacy = 1;

    public static void Check(byte[] options, SquashFsCompression compression, Action<string> warn)
    {
        var expected = compression switch
        {
            SquashFsCompression.Gzip or SquashFsCompression.Xz or SquashFsCompression.Lz4 or SquashFsCompression.Lzo => 8,
            SquashFsCompression.Zstd => 4,
            _ => 0, // lzma has no options
        };

        if (options.Length != expected)
        {
            warn($"squashfs: {compression.Name()} compressor options are {options.Length} bytes, {expected} expected; ignored");
            return;
        }

        if (compression == SquashFsCompression.Lz4)
        {
            var version = BinaryPrimitives.ReadUInt32LittleEndian(options);
            if (version != Lz4Legacy)
            {
                throw Errors.Malformed($"lz4 compressor options name format version {version}; only version 1 (raw LZ4 blocks) exists");
            }
        }
    }
}
