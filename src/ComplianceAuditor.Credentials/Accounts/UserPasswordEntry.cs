using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Accounts;

/// <summary>A "user:password" line of an htpasswd or mosquitto password file; the context says how to read the field.</summary>
public sealed record UserPasswordEntry(string Name, string PasswordField, HashContext Context, int LineNumber)
{
    public PasswordHash Hash => PasswordHash.Parse(PasswordField, Context);
}
