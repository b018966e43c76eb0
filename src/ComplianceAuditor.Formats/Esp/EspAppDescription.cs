using System.Buffers.Binary;
using ComplianceAuditor.Formats.Common;

namespace ComplianceAuditor.Formats.Esp;

/// <summary>
/// <c>esp_app_desc_t</c>, the 256-byte record ESP-IDF places at the start of an application's first segment
/// (magic 0xABCD5432). <see cref="SecureVersion"/> is the anti-rollback counter the bootloader compares with eFuses.
/// </summary>
public sealed record EspAppDescription
{
    public const uint Magic = 0xABCD5432;

    public const int Size = 256;

    public required uint SecureVersion { get; init; }

    public required string Version { get; init; }

    public required string ProjectName { get; init; }

    public required string Time { get; init; }

    public required string Date { get; init; }

    public required string IdfVersion { get; init; }

    /// <summary>SHA-256 of the application ELF, as lower-case hex.</summary>
    public required string ElfSha256 { get; init; }

    public static EspAppDescription? TryParse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            return null;
        }

        return new EspAppDescription
        {
            SecureVersion = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
            Version = EntryNames.FixedField(bytes.Slice(16, 32)),
            ProjectName = EntryNames.FixedField(bytes.Slice(48, 32)),
            Time = EntryNames.FixedField(bytes.Slice(80, 16)),
            Date = EntryNames.FixedField(bytes.Slice(96, 16)),
            IdfVersion = EntryNames.FixedField(bytes.Slice(112, 32)),
            ElfSha256 = Convert.ToHexStringLower(bytes.Slice(144, 32)),
        };
    }
}
