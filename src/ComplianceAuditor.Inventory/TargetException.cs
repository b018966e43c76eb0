namespace ComplianceAuditor.Inventory;

/// <summary>A target cannot be audited at all (missing, unreadable, or of the wrong kind for <c>--as</c>).</summary>
public sealed class TargetException : Exception
{
    public TargetException()
    {
    }

    public TargetException(string message)
        : base(message)
    {
    }

    public TargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
