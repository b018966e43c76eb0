using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Checks.Repository.Evidence;

/// <summary>A file (repository path, '/'-rooted) a parser asked for that was not read whole, and why.</summary>
internal sealed record ReadProblem(string Path, ReadProblemKind Kind, string Detail)
{
    /// <summary>One clause for a reason: "SECURITY.md holds binary content, not text".</summary>
    public string Describe()
    {
        var path = DisplayText.Sanitize(Path.TrimStart('/'));
        return Kind switch
        {
            ReadProblemKind.Binary => $"{path} holds binary content, not text",
            ReadProblemKind.Truncated => $"{path} was read only in part ({Detail})",
            ReadProblemKind.BudgetExhausted => $"{path} was not read whole ({Detail})",
            _ => $"{path} could not be read ({Detail})",
        };
    }
}
