using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.HexRecords;

/// <summary>
/// Reads Motorola S-record files (S19/S28/S37) into one flat binary per address range, like
/// <see cref="IntelHexReader"/>; recognised only at the start of a file.
/// </summary>
public sealed class SRecordReader : IFormatReader
{
    public string Format => "srec";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available) =>
        HexRecordImage.LooksLike(SRecordSyntax.Instance, head, available, out var header)
            ? new FormatMatch(null, header is { Length: > 0 } ? $"Motorola S-record, header '{header}'" : "Motorola S-record")
            : null;

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context) =>
        HexRecordImage.Read(SRecordSyntax.Instance, source, context);
}
