namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>One Kconfig symbol as a <c>.config</c> sets it: <c>y</c>, <c>m</c>, <c>n</c> (from "is not set"), a number or an unquoted string.</summary>
internal sealed record KconfigValue(string Name, string Value, int Line)
{
    public bool Enabled => Value is "y" or "m";
}
