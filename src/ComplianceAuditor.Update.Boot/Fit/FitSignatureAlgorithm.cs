using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// A FIT signature's <c>algo</c> ("sha256,rsa2048", "sha384,ecdsa384") with its <c>padding</c> ("pss", else PKCS#1
/// v1.5), decoded into what verifying it needs.
/// </summary>
/// <param name="Text">The <c>algo</c> string as written, for the report.</param>
/// <param name="Hash">The hash half ("sha256").</param>
/// <param name="IsRsa">RSA (true) or ECDSA (false).</param>
/// <param name="KeyBits">The key size the name gives: 2048 for "rsa2048", 256 for "ecdsa256".</param>
/// <param name="Scheme">How to verify a signature over a digest of that hash; null when the hash is not one a signature can use.</param>
internal sealed record FitSignatureAlgorithm(string Text, string Hash, bool IsRsa, int KeyBits, SignatureScheme? Scheme)
{
    /// <summary>The algorithm, or null when <paramref name="algo"/> is not "hash,rsaNNNN" or "hash,ecdsaNNN".</summary>
    public static FitSignatureAlgorithm? Parse(string algo, string? padding)
    {
        ArgumentNullException.ThrowIfNull(algo);
        var comma = algo.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0)
        {
            return null;
        }

        var hash = algo[..comma];
        var crypto = algo[(comma + 1)..];
        var isRsa = crypto.StartsWith("rsa", StringComparison.Ordinal);
        var prefix = isRsa ? "rsa" : crypto.StartsWith("ecdsa", StringComparison.Ordinal) ? "ecdsa" : null;
        if (prefix is null
            || !int.TryParse(crypto.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            || bits is < 128 or > 16384)
        {
            return null;
        }

        // Signature nodes are verified over a digest computed here once, not once per candidate key.
        SignatureScheme? scheme = FitHashAlgorithm.ForSignature(hash) is not { } name ? null
            : !isRsa ? SignatureScheme.EcdsaRaw(name, signsDigest: true)
            : padding == "pss" ? SignatureScheme.RsaPss(name, signsDigest: true)
            : SignatureScheme.RsaPkcs1(name, signsDigest: true);
        return new FitSignatureAlgorithm(algo, hash, isRsa, bits, scheme);
    }

    /// <summary>The digest of <paramref name="data"/> with this algorithm's hash; only valid when <see cref="Scheme"/> is set.</summary>
    public byte[] Digest(ReadOnlySpan<byte> data) => FitHashAlgorithm.Compute(Hash, data) ?? [];

    /// <summary>An incremental hasher for this algorithm's hash, for data gathered from several regions.</summary>
    public IncrementalHash CreateHasher() => IncrementalHash.CreateHash(Scheme!.Hash);
}
