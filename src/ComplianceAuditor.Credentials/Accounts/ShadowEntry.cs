using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Accounts;

/// <summary>
/// One line of /etc/shadow. Day counts are days since 1970-01-01 (or a number of days); null where the field is empty,
/// as it is in the old two-field form "name:password".
/// </summary>
public sealed record ShadowEntry(
    string Name,
    string PasswordField,
    long? LastChange,
    long? MinDays,
    long? MaxDays,
    long? WarnDays,
    long? InactiveDays,
    long? ExpireDay,
    int LineNumber)
{
    public PasswordHash Hash => PasswordHash.Parse(PasswordField);
}
