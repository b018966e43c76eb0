using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Content;

/// <summary>The check kinds of this family, for explicit registration.</summary>
public static class ContentChecks
{
    public static IEnumerable<ICheck> All() =>
    [
        new TextRegexCheck(),
        new BytePatternCheck(),
        new FilePresentCheck(),
        new FileAbsentCheck(),
        new Secrets.SecretRegexCheck(),
    ];
}
