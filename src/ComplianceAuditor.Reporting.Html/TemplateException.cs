namespace ComplianceAuditor.Reporting.Html;

/// <summary>A report template could not be found or parsed; the message names the template and the problem.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
