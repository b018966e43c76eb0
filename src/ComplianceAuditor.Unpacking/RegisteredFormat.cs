namespace ComplianceAuditor.Unpacking;

/// <summary>A reader as the driver knows it.</summary>
/// <param name="Reader">The format reader.</param>
/// <param name="CarveChildren">
/// True when what the format holds are opaque images rather than files of a file system (a uImage payload, a flash
/// partition, a decompressed stream): those are searched for embedded images too. Files inside a file system or an
/// archive are only recognised at their first byte, which keeps a rootfs from being scanned like a flash dump.
/// </param>
public sealed record RegisteredFormat(IFormatReader Reader, bool CarveChildren)
{
    public string Format => Reader.Format;
}
