using System.Globalization;

namespace ComplianceAuditor.Formats.Esp;

/// <summary>One entry of an ESP-IDF partition table (<c>esp_partition_info_t</c>).</summary>
public sealed record EspPartition(byte Type, byte Subtype, uint Offset, uint Size, string Label, uint Flags)
{
    public const byte TypeApp = 0x00;
    public const byte TypeData = 0x01;

    public bool Encrypted => (Flags & 1) != 0;

    public bool ReadOnly => (Flags & 2) != 0;

    public string TypeName => Type switch
    {
        TypeApp => "app",
        TypeData => "data",
        0x02 => "bootloader",
        0x03 => "partition_table",
        _ => string.Create(CultureInfo.InvariantCulture, $"0x{Type:x2}"),
    };

    public string SubtypeName => (Type, Subtype) switch
    {
        (TypeApp, 0x00) => "factory",
        (TypeApp, >= 0x10 and <= 0x1F) => string.Create(CultureInfo.InvariantCulture, $"ota_{Subtype - 0x10}"),
        (TypeApp, 0x20) => "test",
        (TypeData, 0x00) => "ota",
        (TypeData, 0x01) => "phy",
        (TypeData, 0x02) => "nvs",
        (TypeData, 0x03) => "coredump",
        (TypeData, 0x04) => "nvs_keys",
        (TypeData, 0x05) => "efuse",
        (TypeData, 0x06) => "undefined",
        (TypeData, 0x80) => "esphttpd",
        (TypeData, 0x81) => "fat",
        (TypeData, 0x82) => "spiffs",
        (TypeData, 0x83) => "littlefs",
        (0x02 or 0x03, 0x00) => "primary",
        (0x02 or 0x03, 0x01) => "ota",
        (0x02, 0x02) => "recovery",
        _ => string.Create(CultureInfo.InvariantCulture, $"0x{Subtype:x2}"),
    };

    /// <summary>"app ota_0", "data nvs, encrypted".</summary>
    public string Describe() =>
        $"{TypeName} {SubtypeName}{(Encrypted ? ", encrypted" : string.Empty)}{(ReadOnly ? ", readonly" : string.Empty)}";
}
