namespace ComplianceAuditor.Update.Configuration.Scanning;

/// <summary>How a command gets run without a person: on a timer, from cron, as a service, from an init script.</summary>
internal enum AutomationKind
{
    Timer,
    Cron,
    Service,
    InitScript,
}
