namespace ComplianceAuditor.Checks.Content;

/// <summary><c>file-present</c>: passes when at least one file matches the globs, fails when none does.</summary>
public sealed class FilePresentCheck : FilePresenceCheck
{
    public override string Kind => "file-present";

    protected override bool PresenceIsGood => true;
}
