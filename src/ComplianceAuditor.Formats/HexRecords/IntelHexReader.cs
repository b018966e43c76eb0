using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.HexRecords;

/// <summary>
/// Reads Intel HEX files into one flat binary per address range (<c>0x08000000.bin</c>), with the load address set
/// and the start address in the description. Text has no magic number worth carving for, so the format is only
/// recognised at the start of a file, by the syntax and checksums of its first lines.
/// </summary>
public sealed class IntelHexReader : IFormatReader
{
    public string Format => "ihex";

    public string Extractor => "native";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available) =>
        HexRecordImage.LooksLike(IntelHexSyntax.Instance, head, available, out _) ? new FormatMatch(null, "Intel HEX") : null;

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context) =>
        HexRecordImage.Read(IntelHexSyntax.Instance, source, context);
}
