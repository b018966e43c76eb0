namespace ComplianceAuditor.Core.Schemes;

/// <summary>
/// A condition under which conditional provisions apply (for example "the device uses passwords"), answered by a
/// declared fact: it holds when the fact is declared as <see cref="EqualsValue"/>.
/// </summary>
/// <param name="EqualsValue">The fact's value that makes the condition hold, as text (<c>true</c>, <c>constrained</c>).</param>
public sealed record SchemeCondition(string Id, string Text, string Fact, string EqualsValue);
