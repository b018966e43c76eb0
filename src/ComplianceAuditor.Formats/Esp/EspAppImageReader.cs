using System.Globalization;
using System.Text;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Esp;

/// <summary>
/// Recognises an ESP32-family application or bootloader image and reports its length and identity (chip, segment
/// count, appended hash, and the application's name, version, secure_version and IDF version). It is not a
/// container: <see cref="Read"/> yields nothing, but checks the checksum and the appended SHA-256 and warns when
/// they do not match. Carving is not offered: the one-byte magic 0xE9 is an x86 jump opcode and common in any
/// binary, and the images this matters for arrive at offset 0 (flash partitions, OTA files).
/// </summary>
public sealed class EspAppImageReader : IFormatReader
{
    public string Format => "esp-app-image";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available)
    {
        try
        {
            var image = EspAppImage.TryParse(head, available);
            return image is null ? null : new FormatMatch(image.TotalLength, Describe(image));
        }
#pragma warning disable CA1031 // Identify must never throw, whatever the bytes are.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var image = EspAppImage.Parse(source);
        var (checksumValid, shaValid) = image.Verify(source, context.CancellationToken);
        if (!checksumValid)
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture, $"esp-app-image: checksum byte at 0x{image.ChecksumOffset:x} does not match the segment data"));
        }

        if (shaValid == false)
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture, $"esp-app-image: appended SHA-256 at 0x{image.Sha256Offset:x} does not match the image"));
        }

        return [];
    }

    /// <summary>One line for the report, e.g. "ESP app image, ESP32-S2, 6 segments, SHA-256 appended, app 'blink' version '…'".</summary>
    public static string Describe(EspAppImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"ESP image, {image.ChipName} (chip id 0x{image.ChipId:x}), {image.SegmentCount} segments, hash_appended {(image.HashAppended ? 1 : 0)}, entry 0x{image.EntryAddress:x8}");
        if (image.SignatureSectorOffset is { } signature)
        {
            sb.Append(CultureInfo.InvariantCulture, $", secure boot v2 signature sector at 0x{signature:x}");
        }

        if (image.AppDescription is { } app)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $", app '{app.ProjectName}' version '{app.Version}', secure_version {app.SecureVersion}, idf_ver '{app.IdfVersion}'");
        }

        if (image.TotalLength is null)
        {
            sb.Append(", length unknown (segments continue past the first 64 KiB)");
        }

        return sb.ToString();
    }
}
