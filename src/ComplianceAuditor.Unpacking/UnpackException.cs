namespace ComplianceAuditor.Unpacking;

/// <summary>The container is malformed or cannot be read; the message names what is wrong and where.</summary>
public sealed class UnpackException : Exception
{
    public UnpackException()
    {
    }

    public UnpackException(string message)
        : base(message)
    {
    }

    public UnpackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
