namespace ComplianceAuditor.Formats.DeviceTree;

/// <summary>One entry of the memory reservation block (<c>/memreserve/</c> in source form).</summary>
public readonly record struct FdtReservation(ulong Address, ulong Size);
