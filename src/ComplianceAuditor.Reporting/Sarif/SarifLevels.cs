namespace ComplianceAuditor.Reporting.Sarif;

/// <summary>How our severities map onto SARIF levels and GitHub's numeric security-severity.</summary>
internal static class SarifLevels
{
    public static string Level(string severity) => severity switch
    {
        "critical" or "high" => "error",
        "medium" => "warning",
        _ => "note",
    };

    /// <summary>GitHub code scanning ranks alerts by this CVSS-like number (critical is 9.0 or more).</summary>
    public static string SecuritySeverity(string severity) => severity switch
    {
        "critical" => "9.5",
        "high" => "8.0",
        "medium" => "5.5",
        "low" => "3.0",
        _ => "0.0",
    };
}
