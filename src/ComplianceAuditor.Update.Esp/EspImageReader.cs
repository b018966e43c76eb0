using System.Globalization;
using ComplianceAuditor.Formats.Esp;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// Reads the structure of an ESP image from untrusted bytes. The ESP32 family's header, segment walk and checksums
/// are those of <see cref="EspAppImage"/> (shared with unpacking, so both agree on what an image is); the ESP8266's
/// older 8-byte header is read by <see cref="Esp8266Image"/>.
/// </summary>
internal static class EspImageReader
{
    /// <summary>The structure, or null when the bytes do not start with a plausible ESP image header.</summary>
    public static EspImageStructure? Read(ReadOnlyMemory<byte> bytes, string name)
    {
        var span = bytes.Span;
        if (span.Length < EspAppImage.HeaderSize || span[0] != EspAppImage.Magic)
        {
            return Esp8266Image.TryRead(span);
        }

        // The header alone decides whether this is an image; a defect past it is then a problem of this image.
        if (EspAppImage.TryParse(span[..EspAppImage.HeaderSize], span.Length) is not { } header)
        {
            return Esp8266Image.TryRead(span);
        }

        var source = UnpackSource.FromBytes(name, bytes);
        EspAppImage image;
        bool checksumValid;
        bool? shaValid;
        try
        {
            image = EspAppImage.Parse(source);
            (checksumValid, shaValid) = image.Verify(source);
        }
        catch (UnpackException e)
        {
            return Describe(header) with { Problem = e.Message };
        }

        var first = image.Segments.Count > 0 ? image.Segments[0] : null;
        var firstData = first is null ? [] : span.Slice((int)first.DataOffset, (int)first.Length);
        return Describe(image) with
        {
            ImageLength = image.ImageLength,
            ChecksumValid = checksumValid,
            Sha256Valid = shaValid,
            App = image.AppDescription,
            Bootloader = image.AppDescription is null ? EspBootloaderDescription.TryParse(firstData) : null,
        };
    }

    private static EspImageStructure Describe(EspAppImage image) => new()
    {
        IsEsp8266 = false,
        Chip = string.Create(CultureInfo.InvariantCulture, $"{image.ChipName} (chip id 0x{image.ChipId:x})"),
        SegmentCount = image.SegmentCount,
        Segments = image.Segments,
        EntryAddress = image.EntryAddress,
        HashAppended = image.HashAppended,
        ChipRevisions = image.MaxChipRevisionFull is 0 or 0xFFFF
            ? $"{Revision(image.MinChipRevisionFull)} or later"
            : $"{Revision(image.MinChipRevisionFull)} to {Revision(image.MaxChipRevisionFull)}",
    };

    /// <summary>The header stores revisions as major × 100 + minor; images before the field existed leave the maximum 0.</summary>
    private static string Revision(ushort full) =>
        string.Create(CultureInfo.InvariantCulture, $"v{full / 100}.{full % 100}");
}
