namespace ComplianceAuditor.Comparison.Reading;

/// <summary>
/// Thrown while walking a parsed document that is valid JSON but not a report. It never leaves the reader, which
/// turns it into a <see cref="ReportLoad"/> failure; an exception keeps the field-by-field parser free of error plumbing.
/// </summary>
internal sealed class InvalidReportException : Exception
{
    public InvalidReportException()
    {
    }

    public InvalidReportException(string message)
        : base(message)
    {
    }

    public InvalidReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
