namespace ComplianceAuditor.Unpacking;

/// <summary>
/// The format was recognised but cannot be opened on this machine; the message says what would open it
/// ("install the Debian package 'mtd-utils' or 'jefferson' (pip)").
/// </summary>
public sealed class ReaderUnavailableException : Exception
{
    public ReaderUnavailableException()
    {
    }

    public ReaderUnavailableException(string message)
        : base(message)
    {
    }

    public ReaderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
