namespace ComplianceAuditor.Reporting.Pdf;

/// <summary>No usable font for the PDF; the message says what was tried and how to fix it.</summary>
public sealed class FontUnavailableException : Exception
{
    public FontUnavailableException()
    {
    }

    public FontUnavailableException(string message)
        : base(message)
    {
    }

    public FontUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
