namespace ComplianceAuditor.Core.Text;

/// <summary>
/// Fixed phrases for I/O failures. The runtime's messages embed absolute paths, which would leak the auditor's
/// disk layout into reports and make them differ between machines.
/// </summary>
public static class IoErrors
{
    public static string Describe(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it disappeared while being read",
        PathTooLongException => "the path is too long",
        IOException io when io.HResult == 24 || io.Message.Contains("Too many open files", StringComparison.Ordinal) => "too many open files",
        IOException => "an input/output error occurred",
        _ => error.GetType().Name,
    };
}
