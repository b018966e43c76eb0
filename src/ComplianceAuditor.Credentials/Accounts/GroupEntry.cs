namespace ComplianceAuditor.Credentials.Accounts;

/// <summary>One line of /etc/group: name:password:gid:member,member.</summary>
public sealed record GroupEntry(string Name, string PasswordField, uint Gid, IReadOnlyList<string> Members, int LineNumber);
