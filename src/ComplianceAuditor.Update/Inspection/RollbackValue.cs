namespace ComplianceAuditor.Update.Inspection;

/// <summary>
/// The anti-rollback value an image carries: a device that stores the highest value it accepted refuses an image
/// with a lower one. Comparing two releases' values (<c>--previous</c>) proves the counter moves forward.
/// </summary>
/// <param name="Name">As the format calls it: "security counter (SEC_CNT)", "secure_version", "sequence number".</param>
/// <param name="Value">The value.</param>
/// <param name="Location">Where in the image it sits, for evidence ("protected TLV 0x50").</param>
public sealed record RollbackValue(string Name, ulong Value, string Location);
