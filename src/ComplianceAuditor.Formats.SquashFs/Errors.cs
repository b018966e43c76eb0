using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>Builds the reader's exceptions, so that every message starts with the format and reads alike.</summary>
internal static class Errors
{
    public static UnpackException Malformed(FormattableString message) =>
        new("squashfs: " + message.ToString(CultureInfo.InvariantCulture));

    public static UnpackException Malformed(FormattableString message, Exception inner) =>
        new("squashfs: " + message.ToString(CultureInfo.InvariantCulture), inner);

    /// <summary>
    /// Runs a decompressor and turns its failures into <see cref="UnpackException"/>s naming the block. The
    /// decompressors come from libraries that report hostile input with whatever exception their code hits
    /// (InvalidDataException, their own types, an index out of range), so every exception but cancellation is taken
    /// to mean a corrupt block.
    /// </summary>
    public static int Decompress(BlockDecompressor decompressor, byte[] source, int sourceLength, byte[] destination, int limit, Func<string> what)
    {
        int length;
        try
        {
            length = decompressor.Decompress(source, sourceLength, destination, limit);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw Malformed($"{what()} does not decompress: {e.Message}", e);
        }

        return length == BlockDecompressor.TooLarge
            ? throw Malformed($"{what()} decompresses to more than {limit} bytes (corrupt, or a decompression bomb)")
            : length;
    }
}
