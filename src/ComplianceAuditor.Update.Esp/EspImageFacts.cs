using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Esp;

/// <summary>The report facts of an ESP image's header, segments, checksums and description records.</summary>
internal static class EspImageFacts
{
    /// <summary>More segment descriptions than this would only lengthen the report; the count is always given.</summary>
    private const int ListedSegments = 16;

    public static List<InspectionFact> Describe(EspImageStructure image)
    {
        var facts = new List<InspectionFact>
        {
            new("chip", image.Chip),
            new("image kind", Kind(image)),
            new("segments", image.SegmentCount.ToString(CultureInfo.InvariantCulture)),
            new("segment map", string.Join(", ", image.Segments.Take(ListedSegments).Select(s =>
                string.Create(CultureInfo.InvariantCulture, $"0x{s.LoadAddress:x8} ({s.Length} bytes at 0x{s.DataOffset:x})")))),
            new("entry address", string.Create(CultureInfo.InvariantCulture, $"0x{image.EntryAddress:x8}")),
        };
        if (image.ChipRevisions is { } revisions)
        {
            facts.Add(new("chip revisions", revisions));
        }

        if (image.ImageLength is { } length)
        {
            facts.Add(new("image length", length.ToString(CultureInfo.InvariantCulture)));
            facts.Add(new("checksum", image.ChecksumValid == true ? "valid" : "does not match the segment data"));
            facts.Add(new("SHA-256", image.Sha256Valid switch
            {
                true => "appended, valid",
                false => "appended, does not match the image",
                null => "not appended",
            }));
        }

        if (image.App is { } app)
        {
            facts.Add(new("version", app.Version));
            facts.Add(new("project", app.ProjectName));
            facts.Add(new("idf version", app.IdfVersion));
            facts.Add(new("secure_version", app.SecureVersion.ToString(CultureInfo.InvariantCulture)));
            facts.Add(new("build date", $"{app.Date} {app.Time}".Trim()));
        }

        if (image.Bootloader is { } bootloader)
        {
            facts.Add(new("bootloader version", bootloader.Version.ToString(CultureInfo.InvariantCulture)));
            facts.Add(new("idf version", bootloader.IdfVersion));
            facts.Add(new("build date", bootloader.BuildDate));
        }

        return facts;
    }

    private static string Kind(EspImageStructure image) =>
        image.IsEsp8266 ? "ESP8266 image (8-byte header, no extended header)"
        : image.App is not null ? "application (esp_app_desc_t)"
        : image.Bootloader is not null ? "bootloader (esp_bootloader_desc_t)"
        : "no esp_app_desc_t: a bootloader, or an image not built by ESP-IDF";
}
