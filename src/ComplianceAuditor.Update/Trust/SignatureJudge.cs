using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Trust;

/// <summary>
/// Turns one signature into a verdict the same way for every format. The keys are tried in this order:
/// <list type="number">
/// <item>the trust anchors (verified: trusted, unless the anchor itself is a published test key);</item>
/// <item>the key the image carries, if its format carries one (ESP Secure Boot v2, vbmeta, a CMS certificate);</item>
/// <item>every published test key whose public half the catalogue holds;</item>
/// <item>a test key the image names only by digest (MCUboot KEYHASH, ESP key digest): signed with it, unverified.</item>
/// </list>
/// Without any of these the signature is by an unknown key and cannot be checked.
/// </summary>
public static class SignatureJudge
{
    /// <summary>Describes the signature to judge.</summary>
    /// <param name="Algorithm">As the report names it.</param>
    /// <param name="Verifies">Whether the signature verifies with a given SubjectPublicKeyInfo.</param>
    /// <param name="KeyId">How the image names its key (digest, kid, key-name-hint), or null.</param>
    /// <param name="NamedTestKey">The test key <paramref name="KeyId"/> is, found by the caller in its digest form.</param>
    /// <param name="EmbeddedSpki">The key the image carries to be verified with, or null.</param>
    /// <param name="KeyFamily">
    /// "RSA", "EC" or "Ed25519" when the signature's algorithm says it (as <see cref="PublicKeyVerifier.Family"/>
    /// names them): published test keys of other families are then not tried, which keeps the search cheap.
    /// </param>
    public sealed record Candidate(string Algorithm, Func<byte[], bool> Verifies, string? KeyId, KnownTestKey? NamedTestKey, byte[]? EmbeddedSpki, string? KeyFamily = null)
    {
        /// <summary>
        /// The SPKI SHA-256 of the keys that could have made the signature, when the scheme allows working them out
        /// (ECDSA); published test keys are then found by lookup instead of one verification each.
        /// </summary>
        public Func<IReadOnlyList<string>>? RecoverKeys { get; init; }

        /// <summary>A candidate for one signature made with <paramref name="scheme"/> over <paramref name="data"/>.</summary>
        public static Candidate For(string algorithm, SignatureScheme scheme, byte[] data, byte[] signature, string? keyId = null, KnownTestKey? namedTestKey = null, byte[]? embeddedSpki = null)
        {
            ArgumentNullException.ThrowIfNull(scheme);
            return new Candidate(algorithm, spki => PublicKeyVerifier.Verifies(scheme, spki, data, signature), keyId, namedTestKey, embeddedSpki, scheme.Family)
            {
                RecoverKeys = scheme.Kind is SignatureKind.EcdsaDer or SignatureKind.EcdsaRaw ? () => EcdsaKeyRecovery.Recover(scheme, data, signature) : null,
            };
        }
    }

    /// <summary>The published keys with their family, worked out once: trying a key of the wrong family costs an exception.</summary>
    private static readonly Lazy<(KnownTestKey Key, byte[] Spki, string? Family)[]> TestKeys =
        new(() => [.. KnownTestKeys.PublicKeys.Select(k => (k.Key, k.Spki, PublicKeyVerifier.Family(k.Spki)))]);

    public static SignatureFinding Judge(Candidate candidate, TrustAnchors anchors)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(anchors);
        var algorithm = candidate.Algorithm;
        foreach (var anchor in anchors.Keys)
        {
            if (candidate.Verifies(anchor.Spki))
            {
                return KnownTestKeys.Find(anchor.SpkiSha256) is { } known
                    ? new(SignatureStatus.SignedWithTestKey, algorithm, candidate.KeyId ?? anchor.SpkiSha256, known, anchor.Name,
                        $"the {algorithm} signature verifies with {anchor.Name}, which is a published test key")
                    : new(SignatureStatus.VerifiedTrusted, algorithm, candidate.KeyId ?? anchor.SpkiSha256, null, anchor.Name,
                        $"the {algorithm} signature verifies with the trusted key {anchor.Name}");
            }
        }

        if (candidate.EmbeddedSpki is { } embedded)
        {
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(embedded));
            if (!candidate.Verifies(embedded))
            {
                // Still name a published key: a device that trusts it accepts whatever is signed with it properly.
                return new(SignatureStatus.Invalid, algorithm, candidate.KeyId ?? fingerprint, KnownTestKeys.Find(fingerprint) ?? candidate.NamedTestKey, null,
                    $"the {algorithm} signature does not verify with the key the image carries: the image was changed after signing, or the signature is damaged");
            }

            if ((KnownTestKeys.Find(fingerprint) ?? candidate.NamedTestKey) is { } known)
            {
                return new(SignatureStatus.SignedWithTestKey, algorithm, candidate.KeyId ?? fingerprint, known, null,
                    $"the {algorithm} signature is valid and made with a published test key; anyone can sign images this device accepts");
            }

            return new(SignatureStatus.ValidUnknownKey, algorithm, candidate.KeyId ?? fingerprint, null, null, anchors.IsEmpty
                ? $"the {algorithm} signature is valid for the key the image carries (SPKI SHA-256 {fingerprint[..16]}…); no --public-key was given to say whether the device trusts it"
                : string.Create(CultureInfo.InvariantCulture, $"the {algorithm} signature is valid for the key the image carries (SPKI SHA-256 {fingerprint[..16]}…), which is none of the {anchors.Keys.Count} trusted key(s)"));
        }

        foreach (var (key, spki, family) in PublishedKeysToTry(candidate))
        {
            if (candidate.Verifies(spki))
            {
                return new(SignatureStatus.SignedWithTestKey, algorithm, candidate.KeyId ?? key.SpkiSha256, key, null,
                    $"the {algorithm} signature verifies with a published test key; anyone can sign images this device accepts");
            }
        }

        if (candidate.NamedTestKey is { } named)
        {
            // With the named key's public half at hand the signature is checked against it: a match would have been
            // found above unless the search skipped it, and a mismatch means the image was changed after signing.
            if (TestKeys.Value.FirstOrDefault(k => k.Key == named) is { Spki: { } spki })
            {
                return candidate.Verifies(spki)
                    ? new(SignatureStatus.SignedWithTestKey, algorithm, candidate.KeyId, named, null,
                        $"the {algorithm} signature verifies with a published test key; anyone can sign images this device accepts")
                    : new(SignatureStatus.Invalid, algorithm, candidate.KeyId, named, null,
                        $"the image names a published test key, and the {algorithm} signature does not verify with it: the image was changed after signing, or the signature is damaged");
            }

            return new(SignatureStatus.SignedWithTestKey, algorithm, candidate.KeyId, named, null,
                $"signed ({algorithm}) with the key the image names by digest, a published test key; anyone can sign images this device accepts");
        }

        return new(SignatureStatus.UnknownKey, algorithm, candidate.KeyId, null, null, anchors.IsEmpty
            ? $"signed ({algorithm}) by a key that is not at hand; give the device's key with --public-key to verify it"
            : string.Create(CultureInfo.InvariantCulture, $"signed ({algorithm}), but the signature verifies with none of the {anchors.Keys.Count} trusted key(s): another key made it, or it is damaged"));
    }

    /// <summary>
    /// The published keys worth a verification: those whose fingerprint the signature recovers to (ECDSA), else every
    /// key of the signature's family.
    /// </summary>
    private static IEnumerable<(KnownTestKey Key, byte[] Spki, string? Family)> PublishedKeysToTry(Candidate candidate)
    {
        if (candidate.RecoverKeys is { } recover)
        {
            var recovered = recover().ToHashSet(StringComparer.Ordinal);
            return TestKeys.Value.Where(k => recovered.Contains(k.Key.SpkiSha256));
        }

        return TestKeys.Value.Where(k => candidate.KeyFamily is null || candidate.KeyFamily == k.Family);
    }
}
