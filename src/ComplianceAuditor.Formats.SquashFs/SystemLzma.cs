using System.Runtime.InteropServices;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// The system's liblzma (Debian package liblzma5, which dpkg itself needs), used for xz blocks when present: it
/// decodes about twice as fast as the managed decoder. One call per block, no state kept between calls.
/// </summary>
internal static partial class SystemLzma
{
    /// <summary>Returned by <see cref="Decode"/> when the block asks for more decoder memory than we allow.</summary>
    public const int OverMemoryLimit = -2;

    private const string Library = "liblzma.so.5";

    // lzma_ret values of liblzma's public API.
    private const int LzmaOk = 0;
    private const int LzmaMemLimitError = 6;
    private const int LzmaBufError = 10;

    /// <summary>
    /// Decoder memory allowed for one block. squashfs writers use a dictionary no larger than the block (1 MiB at
    /// most); a block that declares more goes to the managed decoder, which sizes its window by the output instead.
    /// </summary>
    private const ulong MemoryLimit = 16UL << 20;

    public static bool IsAvailable { get; } = Probe();

    /// <summary>
    /// Decodes one .xz stream. Returns the decoded length, <see cref="BlockDecompressor.TooLarge"/> when the output
    /// does not fit <paramref name="limit"/>, or <see cref="OverMemoryLimit"/>; throws when the data is corrupt.
    /// </summary>
    public static int Decode(byte[] source, int sourceLength, byte[] destination, int limit)
    {
        var memoryLimit = MemoryLimit;
        nuint inPos = 0;
        nuint outPos = 0;
        var result = lzma_stream_buffer_decode(ref memoryLimit, 0, IntPtr.Zero,
            ref MemoryMarshal.GetArrayDataReference(source), ref inPos, (nuint)sourceLength,
            ref MemoryMarshal.GetArrayDataReference(destination), ref outPos, (nuint)limit);
        // In the one-shot decoder LZMA_BUF_ERROR means only that the output did not fit (input that ends too soon is
        // LZMA_DATA_ERROR), and on any error it puts the positions back, so outPos cannot tell.
        return result switch
        {
            LzmaOk => (int)outPos,
            LzmaBufError => BlockDecompressor.TooLarge,
            LzmaMemLimitError => OverMemoryLimit,
            _ => throw new InvalidDataException(Describe(result)),
        };
    }

    private static string Describe(int result) => result switch
    {
        7 => "liblzma: not an .xz stream (LZMA_FORMAT_ERROR)",
        8 => "liblzma: unsupported options (LZMA_OPTIONS_ERROR)",
        9 => "liblzma: corrupt or truncated data (LZMA_DATA_ERROR)",
        3 => "liblzma: unsupported integrity check (LZMA_UNSUPPORTED_CHECK)",
        5 => "liblzma: out of memory (LZMA_MEM_ERROR)",
        _ => $"liblzma: error {result}",
    };

    private static bool Probe()
    {
        try
        {
            return lzma_version_number() >= 50000000;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial uint lzma_version_number();

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int lzma_stream_buffer_decode(
        ref ulong memoryLimit, uint flags, IntPtr allocator,
        ref byte input, ref nuint inputPosition, nuint inputSize,
        ref byte output, ref nuint outputPosition, nuint outputSize);
}
