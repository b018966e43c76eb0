using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Update.Boot.Avb;

/// <summary>
/// The 256-byte big-endian header of an AVB 2.0 vbmeta image (<c>AvbVBMetaImageHeader</c>). Sizes and offsets are
/// 64-bit and untrusted: <see cref="Validate"/> checks each against the blocks before any is used.
/// </summary>
internal sealed record VbmetaHeader
{
    public const int Size = 256;

    public const uint FlagHashtreeDisabled = 1;

    public const uint FlagVerificationDisabled = 2;

    public required uint MajorVersion { get; init; }

    public required uint MinorVersion { get; init; }

    public required ulong AuthenticationSize { get; init; }

    public required ulong AuxiliarySize { get; init; }

    public required uint AlgorithmType { get; init; }

    public required (ulong Offset, ulong Size) Hash { get; init; }

    public required (ulong Offset, ulong Size) Signature { get; init; }

    public required (ulong Offset, ulong Size) PublicKey { get; init; }

    public required (ulong Offset, ulong Size) Descriptors { get; init; }

    public required ulong RollbackIndex { get; init; }

    public required uint Flags { get; init; }

    public required uint RollbackIndexLocation { get; init; }

    public required string Release { get; init; }

    /// <summary>The header, or null unless the bytes start with "AVB0" and a format major version libavb accepts (1).</summary>
    public static VbmetaHeader? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size || !bytes.StartsWith("AVB0"u8) || BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]) != 1)
        {
            return null;
        }

        var release = bytes.Slice(128, 48);
        var nul = release.IndexOf((byte)0);
        return new VbmetaHeader
        {
            MajorVersion = U32(bytes, 4),
            MinorVersion = U32(bytes, 8),
            AuthenticationSize = U64(bytes, 12),
            AuxiliarySize = U64(bytes, 20),
            AlgorithmType = U32(bytes, 28),
            Hash = (U64(bytes, 32), U64(bytes, 40)),
            Signature = (U64(bytes, 48), U64(bytes, 56)),
            PublicKey = (U64(bytes, 64), U64(bytes, 72)),
            Descriptors = (U64(bytes, 96), U64(bytes, 104)),
            RollbackIndex = U64(bytes, 112),
            Flags = U32(bytes, 120),
            RollbackIndexLocation = U32(bytes, 124),
            Release = Printable(nul < 0 ? release : release[..nul]),
        };
    }

    /// <summary>Null when the blocks fit the file and every area fits its block, else the first defect, as libavb checks.</summary>
    public string? Validate(long fileLength)
    {
        if (AuthenticationSize % 64 != 0 || AuxiliarySize % 64 != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the block sizes ({AuthenticationSize}, {AuxiliarySize}) are not multiples of 64");
        }

        // Each size is at most the file's length before they are added, so the sum cannot overflow.
        var room = (ulong)(fileLength - Size);
        if (AuthenticationSize > room || AuxiliarySize > room - AuthenticationSize)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the authentication ({AuthenticationSize}) and auxiliary ({AuxiliarySize}) blocks run past the end of the {fileLength}-byte file");
        }

        return Outside("hash", Hash, AuthenticationSize)
            ?? Outside("signature", Signature, AuthenticationSize)
            ?? Outside("public key", PublicKey, AuxiliarySize)
            ?? Outside("descriptors", Descriptors, AuxiliarySize);
    }

    private static string? Outside(string what, (ulong Offset, ulong Size) area, ulong blockSize) =>
        area.Offset <= blockSize && area.Size <= blockSize - area.Offset ? null
            : string.Create(CultureInfo.InvariantCulture, $"the {what} area ({area.Size} bytes at {area.Offset}) is not inside its {blockSize}-byte block");

    private static ulong U64(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt64BigEndian(bytes[at..]);

    private static uint U32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);

    private static string Printable(ReadOnlySpan<byte> text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var b in text)
        {
            sb.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return sb.ToString();
    }
}
