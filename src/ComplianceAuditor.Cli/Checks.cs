using ComplianceAuditor.Checks.Build;
using ComplianceAuditor.Checks.CSharp;
using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Checks.Elf;
using ComplianceAuditor.Checks.Repository;
using ComplianceAuditor.Checks.Secrets;
using ComplianceAuditor.Checks.Update;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Cli;

/// <summary>Every check family the tool ships, registered explicitly in one place.</summary>
internal static class Checks
{
    /// <summary>The registry, with update signatures verified against <paramref name="anchors"/> (<c>--public-key</c>).</summary>
    public static CheckRegistry CreateRegistry(TrustAnchors anchors, long? deviceRam = null) =>
        new([.. ContentChecks.All(), .. ElfChecks.All(), .. SecretChecks.All(), .. UpdateChecks.All(anchors, deviceRam), .. RepositoryChecks.All(), .. BuildChecks.All(), .. CSharpChecks.All()]);

    public static CheckRegistry CreateRegistry() => CreateRegistry(TrustAnchors.Empty);
}
