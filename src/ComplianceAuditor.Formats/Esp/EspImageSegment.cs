namespace ComplianceAuditor.Formats.Esp;

/// <summary>One segment of an ESP image: where it is loaded, and where its data lies in the image.</summary>
public sealed record EspImageSegment(uint LoadAddress, long DataOffset, uint Length);
