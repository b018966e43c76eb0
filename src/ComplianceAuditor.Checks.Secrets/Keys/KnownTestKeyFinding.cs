using ComplianceAuditor.Engine;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>
/// <c>find: known-test-keys</c>: a key (private, public, or in a certificate) whose public half is one published in
/// an open-source repository as a sample or test key. Its private half is public, so whatever it protects, a secure
/// boot chain, an update signature, a TLS identity, is open to anyone.
/// </summary>
internal sealed class KnownTestKeyFinding : IKeyFinding
{
    public IReadOnlyList<(KeyMaterialItem Item, string Reason)> Judge(IReadOnlyList<KeyMaterialItem> items, CheckContext context) =>
        items.Select(i => (Item: i, Known: KeyDescription.Fingerprints(i).Select(KnownTestKeys.Find).FirstOrDefault(k => k is not null)))
            .Where(x => x.Known is not null)
            .Select(x => (x.Item, $"{KeyDescription.Of(x.Item)} is a published test key ({KeyDescription.Origin(x.Known!)})"))
            .ToArray();

    public string PassWith(int items) => $"{items} key or certificate item(s), none of them a published test key";
}
