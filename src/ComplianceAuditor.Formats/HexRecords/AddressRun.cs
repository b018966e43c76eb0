namespace ComplianceAuditor.Formats.HexRecords;

/// <summary>
/// Data records that follow each other in the file with each starting where the previous one ended. A run is
/// decoded again, when its range is read, from <see cref="LineOffset"/> with <see cref="BaseAddress"/>: memory holds
/// one of these per discontinuity, not the data.
/// </summary>
internal readonly record struct AddressRun(long Address, long Length, long LineOffset, long LineNumber, long BaseAddress, int Order)
{
    public long End => Address + Length;
}
