using System.Globalization;
using ComplianceAuditor.Formats.UImage;
using ComplianceAuditor.Unpacking;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Boot.Legacy;

/// <summary>
/// U-Boot legacy images (uImage): a 64-byte big-endian header with a CRC32 of itself and a CRC32 of the data. A
/// header whose own CRC does not match is not taken for a uImage at all (four magic bytes inside code never are), so
/// <see cref="UpdateInspection.Integrity"/> reports the data CRC. Nothing in the format can carry a signature:
/// anyone can change the data and recompute both CRCs, so <see cref="UpdateInspection.Authentication"/> is
/// <see cref="AuthenticationSupport.None"/> and there is no rollback field.
/// Weakness codes:
/// <list type="bullet">
/// <item><c>uimage-unauthenticated</c>: always; the image is protected by CRCs only, and a U-Boot that boots legacy
/// images (<c>CONFIG_LEGACY_IMAGE_FORMAT</c>) bypasses FIT signature checks.</item>
/// </list>
/// </summary>
public sealed class UImageFormat : IUpdateFormat
{
    public string Name => "U-Boot legacy uImage";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Bytes.Span;
        if (UImageHeader.TryParse(bytes) is not { } header)
        {
            return null;
        }

        var available = bytes.Length - UImageHeader.Size;
        string? problem = null;
        bool? matches = null;
        if (header.DataSize > available)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the header declares {header.DataSize} bytes of data; the file has {available} after the header");
        }
        else
        {
            matches = Crc32.Compute(bytes.Slice(UImageHeader.Size, (int)header.DataSize)) == header.DataCrc;
        }

        return new UpdateInspection
        {
            Format = Name,
            Authentication = AuthenticationSupport.None,
            RollbackSupported = false,
            Integrity = new IntegrityFinding("CRC32", matches, string.Create(CultureInfo.InvariantCulture,
                $"the {header.DataSize}-byte data (data CRC); the 64-byte header's own CRC matched, or the file would not be read as a uImage")),
            Problem = problem,
            Facts = Facts(header),
            Weaknesses =
            [
                new("uimage-unauthenticated",
                    $"uImage {(header.Name.Length == 0 ? "(unnamed)" : $"'{header.Name}'")} is protected by CRC32 only: anyone can change it and recompute the CRCs"),
            ],
        };
    }

    private static List<InspectionFact> Facts(UImageHeader header) =>
    [
        new("name", header.Name.Length == 0 ? "(none)" : header.Name),
        new("os", header.OsName),
        new("arch", header.ArchitectureName),
        new("type", header.ImageTypeName),
        new("compression", header.CompressionName),
        new("load address", string.Create(CultureInfo.InvariantCulture, $"0x{header.LoadAddress:x8}")),
        new("entry point", string.Create(CultureInfo.InvariantCulture, $"0x{header.EntryPoint:x8}")),
        new("data size", header.DataSize.ToString(CultureInfo.InvariantCulture)),
        new("created", DateTimeOffset.FromUnixTimeSeconds(header.Timestamp).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        new("header CRC32", string.Create(CultureInfo.InvariantCulture, $"0x{header.HeaderCrc:x8}")),
        new("data CRC32", string.Create(CultureInfo.InvariantCulture, $"0x{header.DataCrc:x8}")),
    ];
}
