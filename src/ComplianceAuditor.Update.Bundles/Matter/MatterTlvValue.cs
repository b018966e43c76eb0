namespace ComplianceAuditor.Update.Bundles.Matter;

/// <summary>A scalar Matter TLV element: an integer (kept as unsigned bits and as signed), a string or bytes.</summary>
internal sealed record MatterTlvValue(ulong? Integer, string? Text, byte[]? Bytes);
