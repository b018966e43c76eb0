namespace ComplianceAuditor.Reporting;

/// <summary>One sentence for a result: its rule's message and the reason of this outcome.</summary>
internal static class ResultMessages
{
    /// <summary>
    /// "The stack is executable: PT_GNU_STACK asks for it", not "...executable.: PT_GNU_STACK...". SARIF results and
    /// the failures read back from a report.json baseline use the same form, so the two compare equal.
    /// </summary>
    public static string Full(string message, string? reason) =>
        reason is null ? message : $"{message.TrimEnd('.')}: {reason}";
}
