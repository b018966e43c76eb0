using System.Buffers.Binary;
using System.Text;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// <c>esp_bootloader_desc_t</c> (ESP-IDF 5.1 and later): 80 bytes at the start of a second-stage bootloader's first
/// segment, magic byte 0x50, then the bootloader version, the IDF version and the build date. Its presence tells a
/// bootloader from an application, which carries <c>esp_app_desc_t</c> instead.
/// </summary>
/// <param name="Version">The bootloader version number (CONFIG_BOOTLOADER_PROJECT_VER).</param>
/// <param name="IdfVersion">The ESP-IDF version it was built with.</param>
/// <param name="BuildDate">Compile date and time as the build wrote it.</param>
public sealed record EspBootloaderDescription(uint Version, string IdfVersion, string BuildDate)
{
    public const byte Magic = 0x50;

    public const int Size = 80;

    /// <summary>
    /// The description at the start of <paramref name="segment"/>, or null. The magic is a single byte, so the text
    /// fields must also be printable and the IDF version non-empty before the bytes are taken for one.
    /// </summary>
    public static EspBootloaderDescription? TryParse(ReadOnlySpan<byte> segment)
    {
        if (segment.Length < Size || segment[0] != Magic)
        {
            return null;
        }

        var idf = Text(segment.Slice(8, 32));
        var date = Text(segment.Slice(40, 24));
        return string.IsNullOrEmpty(idf) || date is null
            ? null
            : new EspBootloaderDescription(BinaryPrimitives.ReadUInt32LittleEndian(segment[4..]), idf, date);
    }

    /// <summary>The NUL-terminated printable text of a fixed field, or null when it holds anything else.</summary>
    private static string? Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        if (end < 0)
        {
            return null;
        }

        foreach (var b in field[..end])
        {
            if (b is < 0x20 or >= 0x7F)
            {
                return null;
            }
        }

        return Encoding.ASCII.GetString(field[..end]);
    }
}
