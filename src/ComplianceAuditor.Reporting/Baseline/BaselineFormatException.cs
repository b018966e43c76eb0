namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>
/// Valid JSON that is not what a baseline must be, with the JSON path of the offending value. Raised deep in the
/// walk of the document and turned into a <see cref="BaselineException"/> naming the file by the reader.
/// </summary>
internal sealed class BaselineFormatException : Exception
{
    public BaselineFormatException()
    {
    }

    public BaselineFormatException(string message)
        : base(message)
    {
    }

    public BaselineFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
