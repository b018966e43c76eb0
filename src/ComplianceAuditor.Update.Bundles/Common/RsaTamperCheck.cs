using System.Security.Cryptography;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// Tells "changed after signing" from "signed by another key" for raw RSA PKCS#1 v1.5 SHA-256 signatures that no key
/// at hand verifies: if one of those keys opens the signature into a well-formed block over another digest, that
/// key signed an earlier version of the data.
/// </summary>
internal static class RsaTamperCheck
{
    /// <summary>An <see cref="SignatureStatus.Invalid"/> finding naming the key, or null when no key at hand made the signature.</summary>
    public static SignatureFinding? Find(ReadOnlySpan<byte> data, byte[] signature, TrustAnchors anchors, string algorithm, string what)
    {
        var actual = SHA256.HashData(data);
        var keys = anchors.Keys.Select(k => (k.Spki, KnownTestKeys.Find(k.SpkiSha256), (string?)k.Name))
            .Concat(KnownTestKeys.PublicKeys.Select(p => (p.Spki, (KnownTestKey?)p.Key, (string?)null)));
        foreach (var (spki, testKey, anchorName) in keys)
        {
            if (RsaPkcs1Recovery.RecoverSha256(spki, signature) is { } signedDigest && !signedDigest.AsSpan().SequenceEqual(actual))
            {
                var fingerprint = Convert.ToHexStringLower(SHA256.HashData(spki));
                var who = anchorName ?? $"a published test key ({testKey!.Origins[0].Repository}: {testKey.Origins[0].Path})";
                return new(SignatureStatus.Invalid, algorithm, fingerprint, testKey, anchorName,
                    $"the signature was made with {who}, but over another {what}: it was changed after signing");
            }
        }

        return null;
    }
}
