namespace ComplianceAuditor.Core.Rules;

/// <summary>A rule's check parameters are missing or malformed. <see cref="Parameter"/> is the path below <c>check</c>.</summary>
public sealed class CheckParameterException : Exception
{
    public CheckParameterException(string parameter, string message)
        : base(message)
    {
        Parameter = parameter;
    }

    public CheckParameterException()
    {
        Parameter = "";
    }

    public CheckParameterException(string message)
        : base(message)
    {
        Parameter = "";
    }

    public CheckParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
        Parameter = "";
    }

    /// <summary>The parameter's node path relative to <c>check</c>, for example <c>pattern</c> or <c>patterns[1].hex</c>.</summary>
    public string Parameter { get; }
}
