using System.Runtime.InteropServices;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// The system's libzstd (Debian package libzstd1, which dpkg itself needs), used for zstd blocks when present: a
/// one-shot decode straight into the output buffer, so a frame's declared window size allocates nothing.
/// </summary>
internal static partial class SystemZstd
{
    private const string Library = "libzstd.so.1";

    /// <summary>ZSTD_error_dstSize_tooSmall in zstd_errors.h: the frame expands to more than the buffer.</summary>
    private const int DestinationTooSmall = 70;

    public static bool IsAvailable { get; } = Probe();

    public static int Decode(byte[] source, int sourceLength, byte[] destination, int limit)
    {
        var result = ZSTD_decompress(ref MemoryMarshal.GetArrayDataReference(destination), (nuint)limit,
            ref MemoryMarshal.GetArrayDataReference(source), (nuint)sourceLength);
        if (ZSTD_isError(result) == 0)
        {
            return (int)result;
        }

        return ZSTD_getErrorCode(result) == DestinationTooSmall
            ? BlockDecompressor.TooLarge
            : throw new InvalidDataException("libzstd: " + Marshal.PtrToStringUTF8(ZSTD_getErrorName(result)));
    }

    private static bool Probe()
    {
        try
        {
            return ZSTD_versionNumber() >= 10400;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial uint ZSTD_versionNumber();

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial nuint ZSTD_decompress(ref byte destination, nuint capacity, ref byte source, nuint sourceSize);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial uint ZSTD_isError(nuint code);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ZSTD_getErrorCode(nuint code);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial IntPtr ZSTD_getErrorName(nuint code);
}
