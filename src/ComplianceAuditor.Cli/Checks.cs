using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Checks.Elf;
using ComplianceAuditor.Checks.Secrets;
using ComplianceAuditor.Checks.Update;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Cli;

/// <summary>Every check family the tool ships, registered explicitly in one place.</summary>
internal static class Checks
{
    public static CheckRegistry CreateRegistry() => new([.. ContentChecks.All(), .. ElfChecks.All(), .. SecretChecks.All(), .. UpdateChecks.All()]);
}
