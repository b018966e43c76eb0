namespace ComplianceAuditor.Formats.HexRecords;

internal enum HexRecordKind
{
    /// <summary>A blank line, or a record that only changes decoder state (an extended address).</summary>
    None,
    Data,
    End,
    StartAddress,
    Header,
    Count,
}

/// <summary>One decoded record line; <see cref="Length"/> data bytes were written to the caller's buffer.</summary>
internal readonly record struct HexRecord(HexRecordKind Kind, long Address, int Length, long Value);
