namespace ComplianceAuditor.Reporting.Theme;

/// <summary>
/// A theme file that cannot be used. The message starts with <c>file:line:column</c> when the problem has a place in
/// the file, and always names the file, so a lab can fix it without guessing.
/// </summary>
public sealed class ThemeException : Exception
{
    public ThemeException()
    {
    }

    public ThemeException(string message)
        : base(message)
    {
    }

    public ThemeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
