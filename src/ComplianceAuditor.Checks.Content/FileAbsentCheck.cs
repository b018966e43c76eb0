namespace ComplianceAuditor.Checks.Content;

/// <summary><c>file-absent</c>: fails when any file matches the globs, and lists them as evidence.</summary>
public sealed class FileAbsentCheck : FilePresenceCheck
{
    public override string Kind => "file-absent";

    protected override bool PresenceIsGood => false;
}
