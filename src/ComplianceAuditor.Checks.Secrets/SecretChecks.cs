using ComplianceAuditor.Checks.Secrets.Accounts;
using ComplianceAuditor.Checks.Secrets.Embedded;
using ComplianceAuditor.Checks.Secrets.Keys;
using ComplianceAuditor.Checks.Secrets.Comparison;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Secrets;

/// <summary>The check kinds of this family, for explicit registration.</summary>
public static class SecretChecks
{
    public static IEnumerable<ICheck> All() =>
    [
        new DefaultPasswordCheck(),
        new WeakPasswordHashCheck(),
        new ExtraRootAccountsCheck(),
        new CryptoMaterialCheck(),
        new EmbeddedCredentialsCheck(),
        new SharedSecretsCheck(),
    ];
}
