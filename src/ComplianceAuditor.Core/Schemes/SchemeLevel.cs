namespace ComplianceAuditor.Core.Schemes;

/// <summary>A level (or star count) of a scheme and the provisions it adds to the levels below it.</summary>
public sealed record SchemeLevel(int Level, string Title, IReadOnlyList<string> Provisions, string? Note);
