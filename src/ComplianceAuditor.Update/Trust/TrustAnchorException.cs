namespace ComplianceAuditor.Update.Trust;

/// <summary>A <c>--public-key</c> file that cannot be used; the message names the file and why.</summary>
public sealed class TrustAnchorException : Exception
{
    public TrustAnchorException()
    {
    }

    public TrustAnchorException(string message)
        : base(message)
    {
    }

    public TrustAnchorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
