using System.Globalization;
using ComplianceAuditor.Checks.Secrets.Scanning;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>
/// <c>crypto-material</c>: keys and certificates in any file, text or binary, each confirmed by parsing it, so a
/// lookalike (a PEM header constant in a TLS library, random bytes that start like DER) is never a finding. What fails
/// the rule is chosen by <c>find</c>. The scan is done once per artifact for all crypto-material rules.
/// </summary>
public sealed class CryptoMaterialCheck : ICheck
{
    public string Kind => "crypto-material";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Text, ArtifactKind.Binary, ArtifactKind.Elf];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "find", "trustStores", "maxEvidence"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var spec = rule.Check;
        var stores = spec.Has("trustStores") ? spec.GetStringList("trustStores") : CertificateProblemFinding.DefaultTrustStores;
        IKeyFinding finding = spec.GetString("find") switch
        {
            "private-keys" => new PrivateKeyFinding(),
            "weak-keys" => new WeakKeyFinding(),
            "certificate-problems" => new CertificateProblemFinding(stores.Select(s => new PathGlob(s)).ToArray()),
            "known-test-keys" => new KnownTestKeyFinding(),
            "readable-private-keys" => new ReadableKeyFinding(),
            var other => throw new CheckParameterException("find", $"check.find '{other}' is not one of private-keys, weak-keys, certificate-problems, known-test-keys, readable-private-keys"),
        };
        if (spec.Has("trustStores") && finding is not CertificateProblemFinding)
        {
            throw new CheckParameterException("trustStores", "check.trustStores only applies to find: certificate-problems");
        }

        return new Prepared(PathSelection.From(spec, required: false), finding, (int)spec.GetInt("maxEvidence", 10));
    }

    private sealed class Prepared(PathSelection paths, IKeyFinding finding, int maxEvidence) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => paths.IsExplicit;

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            var scan = context.Scratch.GetOrAdd(SecretBytes.ScratchKey, () => SecretBytes.Read(context.Artifact, context.Options.MaxScanBytes, cancellationToken));
            if (scan.Keys.Count > 0 && SelfTestHosts.IsCryptoLibrary(context.Artifact))
            {
                return CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture,
                    $"{scan.Keys.Count} key or certificate item(s) inside a cryptographic library, set aside as its self-test vectors"));
            }

            var failing = finding.Judge(scan.Keys, context);
            if (failing.Count > 0)
            {
                var evidence = failing.Take(maxEvidence).Select(f => Evidence(f.Item, f.Reason)).ToArray();
                var reason = failing.Count == 1 ? failing[0].Reason : string.Create(CultureInfo.InvariantCulture, $"{failing.Count} items: {failing[0].Reason}; and more");
                // The public-key fingerprint (or, for an item without one, its place) tells two findings apart, and it
                // is the same whether or not secrets are shown.
                var key = string.Join('\n', failing.Select(f => f.Item.SpkiSha256 ?? string.Create(CultureInfo.InvariantCulture, $"offset:{f.Item.Offset}")).Distinct().Order(StringComparer.Ordinal));
                return CheckOutcome.Fail(reason, evidence, key);
            }

            if (finding is ReadableKeyFinding && ReadableKeyFinding.Undecided(scan.Keys, context) is { } undecided)
            {
                return CheckOutcome.Inconclusive(undecided);
            }

            var aside = scan.RejectedKeys == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {scan.RejectedKeys} lookalike(s) did not parse as key material and were set aside");
            if (scan.Incomplete is { } incomplete)
            {
                return CheckOutcome.Inconclusive($"{incomplete}, and that part holds nothing this rule fails{aside}");
            }

            return CheckOutcome.Pass((scan.Keys.Count == 0 ? "no key or certificate in the file" : finding.PassWith(scan.Keys.Count)) + aside);
        }

        private static EvidenceItem Evidence(KeyMaterialItem item, string reason) => new()
        {
            Kind = "bytes",
            Description = DisplayText.Sanitize(reason),
            ByteOffset = item.Offset,
            ByteLength = item.Length,
            // Public facts only: what the item is and its public-key fingerprint; the key bytes never leave the scan.
            Excerpt = item.SpkiSha256 is { } spki ? $"{KeyDescription.Of(item)}, SPKI SHA-256 {spki}" : KeyDescription.Of(item),
        };
    }
}
