using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Formats.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Esp;

/// <summary>
/// An ESP32-family application or bootloader image (<c>esp_image_header_t</c>, magic 0xE9, with the extended
/// header of ESP32 and later chips): its segments, where the checksum and the optional SHA-256 sit, its total
/// length, an optional Secure Boot v2 signature sector after it, and the <c>esp_app_desc_t</c> of applications.
/// ESP8266 images (no extended header) are not parsed.
/// </summary>
public sealed record EspAppImage
{
    public const byte Magic = 0xE9;

    public const int MaxSegments = 16;

    /// <summary>The 8-byte common header plus the 16-byte extended header.</summary>
    public const int HeaderSize = 24;

    /// <summary>The Secure Boot v2 signature sector that follows a signed image, padded to a 4 KiB boundary.</summary>
    public const int SignatureSectorSize = 4096;

    /// <summary>No ESP chip maps more than this into one segment; larger lengths are not an image.</summary>
    private const uint MaxSegmentLength = 16 << 20;

    public required int SegmentCount { get; init; }

    public required byte SpiMode { get; init; }

    /// <summary>High nibble of header byte 3: 0 = 1 MB … 7 = 128 MB.</summary>
    public required byte FlashSizeCode { get; init; }

    public required byte FlashSpeedCode { get; init; }

    public required uint EntryAddress { get; init; }

    public required ushort ChipId { get; init; }

    public string ChipName => ChipNames.TryGetValue(ChipId, out var n) ? n : string.Create(CultureInfo.InvariantCulture, $"chip 0x{ChipId:x}");

    /// <summary>Minimum chip revision, major × 100 + minor.</summary>
    public required ushort MinChipRevisionFull { get; init; }

    public required ushort MaxChipRevisionFull { get; init; }

    public required bool HashAppended { get; init; }

    public required IReadOnlyList<EspImageSegment> Segments { get; init; }

    /// <summary>
    /// Offset of the checksum byte: the first offset ≡ 15 (mod 16) after the last segment. Null when Identify could
    /// not see that far (see <see cref="TryParse"/>).
    /// </summary>
    public required long? ChecksumOffset { get; init; }

    public long? Sha256Offset => HashAppended && ChecksumOffset is { } c ? c + 1 : null;

    /// <summary>Header, segments, checksum and the SHA-256 when appended; null when not known from the bytes seen.</summary>
    public long? ImageLength => ChecksumOffset is { } c ? c + 1 + (HashAppended ? 32 : 0) : null;

    /// <summary>Offset of a Secure Boot v2 signature sector (magic 0xE7) after the image, when one was seen.</summary>
    public required long? SignatureSectorOffset { get; init; }

    /// <summary>What the image occupies: <see cref="ImageLength"/>, or the end of its signature sector.</summary>
    public long? TotalLength => SignatureSectorOffset is { } s ? s + SignatureSectorSize : ImageLength;

    public required EspAppDescription? AppDescription { get; init; }

    private static readonly Dictionary<ushort, string> ChipNames = new()
    {
        [0x00] = "ESP32",
        [0x02] = "ESP32-S2",
        [0x05] = "ESP32-C3",
        [0x09] = "ESP32-S3",
        [0x0C] = "ESP32-C2",
        [0x0D] = "ESP32-C6",
        [0x10] = "ESP32-H2",
        [0x12] = "ESP32-P4",
        [0x14] = "ESP32-C61",
        [0x17] = "ESP32-C5",
        [0x1C] = "ESP32-H4",
    };

    /// <summary>
    /// Parses from the bytes an Identify sees. Returns null when they are not an image header; when the segment
    /// chain leaves <paramref name="head"/> before the image ends (<paramref name="available"/> is larger), the
    /// result has what was seen and null lengths. Never throws.
    /// </summary>
    public static EspAppImage? TryParse(ReadOnlySpan<byte> head, long available)
    {
        var copy = head.ToArray();
        int ReadHead(long offset, Span<byte> buffer)
        {
            if (offset >= copy.Length)
            {
                return 0;
            }

            var n = Math.Min(buffer.Length, copy.Length - (int)offset);
            copy.AsSpan((int)offset, n).CopyTo(buffer);
            return n;
        }

        return Walk(ReadHead, copy.Length, available, out _);
    }

    /// <summary>Parses the image at the start of <paramref name="source"/>; throws <see cref="UnpackException"/> naming the fault.</summary>
    public static EspAppImage Parse(UnpackSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Walk(source.ReadAt, source.Length, source.Length, out var error) is { ImageLength: not null } image
            ? image
            : throw Fail.Malformed("esp-app-image", $"{error ?? "image is cut short"}");
    }

    /// <summary>
    /// Recomputes the checksum (0xEF XOR every segment-data byte) and, when appended, the SHA-256 of everything
    /// before it. Null entries mean "not present".
    /// </summary>
    public (bool ChecksumValid, bool? Sha256Valid) Verify(UnpackSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ChecksumOffset is not { } checksumOffset)
        {
            throw new InvalidOperationException("the image length is not known; parse it from the whole source first");
        }

        var buffer = new byte[64 * 1024];
        byte checksum = 0xEF;
        foreach (var segment in Segments)
        {
            for (long done = 0; done < segment.Length;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = (int)Math.Min(buffer.Length, segment.Length - done);
                source.ReadExactly(segment.DataOffset + done, buffer.AsSpan(0, n), "esp-app-image: segment data");
                foreach (var b in buffer.AsSpan(0, n))
                {
                    checksum ^= b;
                }

                done += n;
            }
        }

        Span<byte> stored = stackalloc byte[1];
        source.ReadExactly(checksumOffset, stored, "esp-app-image: checksum");
        bool? shaValid = null;
        if (Sha256Offset is { } shaOffset)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (long done = 0; done < shaOffset;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = (int)Math.Min(buffer.Length, shaOffset - done);
                source.ReadExactly(done, buffer.AsSpan(0, n), "esp-app-image: hashed bytes");
                sha.AppendData(buffer, 0, n);
                done += n;
            }

            Span<byte> expected = stackalloc byte[32];
            source.ReadExactly(shaOffset, expected, "esp-app-image: SHA-256");
            shaValid = sha.GetHashAndReset().AsSpan().SequenceEqual(expected);
        }

        return (stored[0] == checksum, shaValid);
    }

    private delegate int ReadAt(long offset, Span<byte> buffer);

    private static EspAppImage? Walk(ReadAt read, long visible, long available, out string? error)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        if (read(0, header) < HeaderSize)
        {
            error = "header is cut short";
            return null;
        }

        var count = header[1];
        var chipId = BinaryPrimitives.ReadUInt16LittleEndian(header[12..]);
        if (header[0] != Magic || count is 0 or > MaxSegments || header[2] > 5 || header[23] > 1 ||
            !ChipNames.ContainsKey(chipId) || BinaryPrimitives.ReadUInt32LittleEndian(header[19..]) != 0)
        {
            error = "no ESP image header with an extended header (magic 0xE9, 1..16 segments, known chip id, reserved bytes zero)";
            return null;
        }

        var segments = new List<EspImageSegment>(count);
        long position = HeaderSize;
        Span<byte> segmentHeader = stackalloc byte[8];
        var complete = true;
        for (var i = 0; i < count; i++)
        {
            if (position + 8 > visible)
            {
                complete = false;
                break;
            }

            if (read(position, segmentHeader) < 8)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"segment {i} header at 0x{position:x} is cut short");
                return null;
            }

            var load = BinaryPrimitives.ReadUInt32LittleEndian(segmentHeader);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(segmentHeader[4..]);
            if (length > MaxSegmentLength || length % 4 != 0 || position + 8 + length > available)
            {
                error = string.Create(CultureInfo.InvariantCulture,
                    $"segment {i} at 0x{position:x} declares {length} bytes (unaligned, over {MaxSegmentLength}, or past the end of the {available}-byte image)");
                return null;
            }

            segments.Add(new EspImageSegment(load, position + 8, length));
            position += 8 + length;
        }

        long? checksumOffset = null;
        long? signatureOffset = null;
        if (complete)
        {
            var checksumAt = position | 15;
            var length = checksumAt + 1 + (header[23] == 1 ? 32 : 0);
            if (length > available)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"checksum{(header[23] == 1 ? " and SHA-256" : string.Empty)} at 0x{checksumAt:x} lie past the end of the {available}-byte image");
                return null;
            }

            checksumOffset = checksumAt;
            var sector = (length + SignatureSectorSize - 1) / SignatureSectorSize * SignatureSectorSize;
            Span<byte> magic = stackalloc byte[2];
            if (sector + SignatureSectorSize <= available && read(sector, magic) == 2 && magic[0] == 0xE7 && magic[1] is 2 or 3)
            {
                signatureOffset = sector;
            }
        }

        EspAppDescription? description = null;
        if (segments.Count > 0 && segments[0].Length >= EspAppDescription.Size)
        {
            var bytes = new byte[EspAppDescription.Size];
            if (read(segments[0].DataOffset, bytes) == bytes.Length)
            {
                description = EspAppDescription.TryParse(bytes);
            }
        }

        error = null;
        return new EspAppImage
        {
            SegmentCount = count,
            SpiMode = header[2],
            FlashSizeCode = (byte)(header[3] >> 4),
            FlashSpeedCode = (byte)(header[3] & 0xF),
            EntryAddress = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]),
            ChipId = chipId,
            MinChipRevisionFull = BinaryPrimitives.ReadUInt16LittleEndian(header[15..]),
            MaxChipRevisionFull = BinaryPrimitives.ReadUInt16LittleEndian(header[17..]),
            HashAppended = header[23] == 1,
            Segments = segments,
            ChecksumOffset = checksumOffset,
            SignatureSectorOffset = signatureOffset,
            AppDescription = description,
        };
    }
}
