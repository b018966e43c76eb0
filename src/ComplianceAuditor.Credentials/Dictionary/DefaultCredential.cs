namespace ComplianceAuditor.Credentials.Dictionary;

/// <summary>A login known to ship as a factory default.</summary>
/// <param name="Source">The list it comes from, e.g. "mirai-2016".</param>
/// <param name="Index">Its 1-based position in that list.</param>
/// <param name="Username">The account it is for, or null when it is tried for any account.</param>
/// <param name="Password">The password; empty means no password.</param>
public sealed record DefaultCredential(string Source, int Index, string? Username, string Password)
{
    public override string ToString() => $"{Source} #{Index} ({Username ?? "*"}/{Password})";
}
