namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>
/// The baseline given to <c>audit --baseline</c> cannot be used. The message names the file and the reason in one
/// line, ready to show; it is the only exception <see cref="BaselineReader.Read"/> lets out.
/// </summary>
public sealed class BaselineException : Exception
{
    public BaselineException()
    {
    }

    public BaselineException(string message)
        : base(message)
    {
    }

    public BaselineException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
