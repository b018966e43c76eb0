namespace ComplianceAuditor.Update.Suit.Cbor;

/// <summary>
/// A SUIT structure that cannot be read: a CBOR limit exceeded, or an item of the wrong type where the CDDL wants
/// another. Thrown only inside the reader and turned into <c>UpdateInspection.Problem</c> before it leaves.
/// </summary>
internal sealed class SuitFormatException : Exception
{
    public SuitFormatException()
    {
    }

    public SuitFormatException(string message)
        : base(message)
    {
    }

    public SuitFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A problem sentence for <paramref name="e"/> that names the part being read once.</summary>
    public static string Describe(string what, Exception e) =>
        e.Message.StartsWith(what, StringComparison.Ordinal) ? e.Message : $"{what}: {e.Message}";
}
