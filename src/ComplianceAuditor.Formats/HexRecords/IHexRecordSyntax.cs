namespace ComplianceAuditor.Formats.HexRecords;

/// <summary>
/// One text record format (Intel HEX, Motorola S-record). Decoding is a pure function of the line and a running
/// base address, so a range can be decoded again from any line where the base is known.
/// </summary>
internal interface IHexRecordSyntax
{
    string FormatName { get; }

    /// <summary>
    /// Decodes one line into <paramref name="data"/> (at least 255 bytes). Throws an UnpackException naming the line
    /// when its syntax or checksum is wrong.
    /// </summary>
    HexRecord Decode(ReadOnlySpan<byte> line, long lineNumber, ref long baseAddress, Span<byte> data);
}
