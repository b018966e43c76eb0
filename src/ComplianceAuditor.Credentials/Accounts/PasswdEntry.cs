using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Accounts;

/// <summary>One line of /etc/passwd: name:password:uid:gid:gecos:home:shell.</summary>
public sealed record PasswdEntry(
    string Name, string PasswordField, uint Uid, uint Gid, string Gecos, string Home, string Shell, int LineNumber)
{
    /// <summary>The password field classified ("x" when the hash is in shadow).</summary>
    public PasswordHash Hash => PasswordHash.Parse(PasswordField);

    public bool CanLogIn => LoginShells.CanLogIn(Shell);
}
