namespace ComplianceAuditor.Rules.Yaml;

/// <summary>A data file could not be parsed. The message starts with <c>file:line:column</c>.</summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string location, string problem)
        : base($"{location}: {problem}")
    {
        Location = location;
        Problem = problem;
    }

    public DataFileException()
    {
        Location = "";
        Problem = "";
    }

    public DataFileException(string message)
        : base(message)
    {
        Location = "";
        Problem = message;
    }

    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = "";
        Problem = message;
    }

    public string Location { get; }

    public string Problem { get; }
}
