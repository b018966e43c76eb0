namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>The compressor ids a squashfs 4.0 superblock may name.</summary>
internal enum SquashFsCompression
{
    Gzip = 1,
    Lzma = 2,
    Lzo = 3,
    Xz = 4,
    Lz4 = 5,
    Zstd = 6,
}

internal static class SquashFsCompressionNames
{
    public static bool IsKnown(int id) => id is >= 1 and <= 6;

    public static string Name(this SquashFsCompression compression) => compression switch
    {
        SquashFsCompression.Gzip => "gzip",
        SquashFsCompression.Lzma => "lzma",
        SquashFsCompression.Lzo => "lzo",
        SquashFsCompression.Xz => "xz",
        SquashFsCompression.Lz4 => "lz4",
        SquashFsCompression.Zstd => "zstd",
        _ => "unknown",
    };
}
