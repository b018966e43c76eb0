using ComplianceAuditor.Engine;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>
/// <c>find: private-keys</c>: any private key, encrypted or not, alone or inside a PKCS#12 container. The reason says
/// when it is worse than a private key: the update-verification key of this image (anyone can sign firmware the
/// devices accept) or a key published as a test key.
/// </summary>
internal sealed class PrivateKeyFinding : IKeyFinding
{
    public IReadOnlyList<(KeyMaterialItem Item, string Reason)> Judge(IReadOnlyList<KeyMaterialItem> items, CheckContext context)
    {
        var updateKeys = UpdateKeys.For(context.Inventory);
        return items.Where(i => i.ContainsPrivateKey).Select(i => (i, Reason(i, updateKeys))).ToArray();
    }

    public string PassWith(int items) => $"{items} key or certificate item(s), none of them a private key";

    private static string Reason(KeyMaterialItem item, IReadOnlyDictionary<string, string> updateKeys)
    {
        var what = KeyDescription.Of(item);
        var fingerprints = KeyDescription.Fingerprints(item).ToArray();
        if (fingerprints.Select(f => updateKeys.GetValueOrDefault(f)).FirstOrDefault(p => p is not null) is { } path)
        {
            return $"{what}: its public half is the update-verification key at {path}, so anyone with this image can sign updates the devices accept";
        }

        if (fingerprints.Select(KnownTestKeys.Find).FirstOrDefault(k => k is not null) is { } known)
        {
            return $"{what}: a published test key ({KeyDescription.Origin(known)})";
        }

        return item.Kind == KeyKind.EncryptedPrivateKey ? $"{what}, encrypted (the passphrase usually ships in the same image)" : what;
    }
}
