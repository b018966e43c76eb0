using ComplianceAuditor.Formats.Esp;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// What the header and segment walk of an ESP image found, for either header layout (ESP32 family with the extended
/// header, or the ESP8266's 8-byte header). Lengths are null when the walk stopped at <see cref="Problem"/>.
/// </summary>
internal sealed record EspImageStructure
{
    public required bool IsEsp8266 { get; init; }

    /// <summary>"ESP32-S2 (chip id 0x2)" or "ESP8266".</summary>
    public required string Chip { get; init; }

    public required int SegmentCount { get; init; }

    /// <summary>The segments read before the walk ended (all of them unless <see cref="Problem"/> is set).</summary>
    public required IReadOnlyList<EspImageSegment> Segments { get; init; }

    public required uint EntryAddress { get; init; }

    public required bool HashAppended { get; init; }

    /// <summary>Header, segments, checksum and the SHA-256 when appended; null when the walk failed.</summary>
    public long? ImageLength { get; init; }

    public bool? ChecksumValid { get; init; }

    public bool? Sha256Valid { get; init; }

    /// <summary>"v0.0 or later", "v1.0 to v1.99" for the ESP32 family's chip revision range; null for the ESP8266.</summary>
    public string? ChipRevisions { get; init; }

    public EspAppDescription? App { get; init; }

    public EspBootloaderDescription? Bootloader { get; init; }

    public string? Problem { get; init; }
}
