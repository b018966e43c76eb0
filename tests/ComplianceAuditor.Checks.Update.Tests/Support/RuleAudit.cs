using System.Security.Cryptography;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Tests.Support;

/// <summary>
/// Runs built-in rules through the real engine, the way the CLI does: a target resolved from a path (a file or a
/// folder), its inventory built (containers unpacked), and the update checks registered. The rule set is loaded
/// once; it is the embedded one, so these tests see exactly the YAML the product ships.
/// </summary>
internal static class RuleAudit
{
    private static readonly Lazy<IReadOnlyList<RuleDefinition>> BuiltIn = new(() => RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules);

    /// <summary>Every result of the named rules on the target at <paramref name="path"/>.</summary>
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(string path, IReadOnlyCollection<string> ruleIds, TrustAnchors? anchors = null)
    {
        var rules = BuiltIn.Value.Where(r => ruleIds.Contains(r.Id, StringComparer.Ordinal)).ToArray();
        Assert.Equal(ruleIds.Count, rules.Length);
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([path], null)[0], new InventoryOptions(), CancellationToken.None);
        var engine = new AuditEngine(new CheckRegistry(UpdateChecks.All(anchors ?? TrustAnchors.Empty)), new EngineOptions());
        return await engine.RunAsync([inventory], rules, null, CancellationToken.None);
    }

    /// <summary>The results of one file written alone to a temporary folder and audited as a file target.</summary>
    public static async Task<IReadOnlyList<CheckResult>> FileAsync(string fileName, byte[] content, IReadOnlyCollection<string> ruleIds, TrustAnchors? anchors = null)
    {
        using var root = new TempDirectory();
        return await RunAsync(root.Write(fileName, content), ruleIds, anchors);
    }

    /// <summary>
    /// The result of <paramref name="ruleId"/> on the target file itself. Members unpacked from it (a bundle's
    /// sw-description, a squashfs) get results of their own, which this leaves out.
    /// </summary>
    public static CheckResult OnTarget(IReadOnlyList<CheckResult> results, string ruleId) =>
        Assert.Single(results, r => r.RuleId == ruleId && !r.Artifact.Contains("!/", StringComparison.Ordinal));

    /// <summary>The one result of a target-scoped rule (update-framework, update-recovery).</summary>
    public static CheckResult Only(IReadOnlyList<CheckResult> results, string ruleId) => Assert.Single(results, r => r.RuleId == ruleId);

    /// <summary>The result of an artifact-scoped rule on the file whose path ends with <paramref name="suffix"/>.</summary>
    public static CheckResult On(IReadOnlyList<CheckResult> results, string ruleId, string suffix) =>
        Assert.Single(results, r => r.RuleId == ruleId && r.Artifact.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>Trust anchors holding the public half of <paramref name="key"/>, as <c>--public-key device.pem</c> would.</summary>
    public static TrustAnchors Trusting(AsymmetricAlgorithm key)
    {
        var spki = key.ExportSubjectPublicKeyInfo();
        return new TrustAnchors([new TrustedKey("device.pem", spki, Convert.ToHexStringLower(SHA256.HashData(spki)))], []);
    }
}
