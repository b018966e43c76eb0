using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Secrets.Comparison;

/// <summary>
/// <c>shared-secrets</c>: compares the secrets of a target with those of the other images of the audit (several
/// targets, or an earlier release given with <c>--previous</c>). A password hash, host key or private key found in
/// both is the same on every unit or survives from release to release: a universal secret even when one image
/// alone looks per-device. With a single image there is nothing to compare, and the result says how to give two.
/// </summary>
public sealed class SharedSecretsCheck : ICheck
{
    public string Kind => "shared-secrets";

    public CheckScope Scope => CheckScope.Target;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [];

    public IReadOnlyCollection<string> Parameters { get; } = ["maxEvidence"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Prepared((int)rule.Check.GetInt("maxEvidence", 20));
    }

    private sealed class Prepared(int maxEvidence) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => true;

        public string DescribeSelection() => "the target's account files, host keys and key files";

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            if (context.Peers.Count == 0)
            {
                return CheckOutcome.NotApplicable("only one image was audited: audit two images of the same model together, or give the earlier release with --previous, to compare their secrets");
            }

            var own = TargetSecrets.For(context.Inventory);
            if (own.Count == 0)
            {
                return CheckOutcome.Pass("the target holds no password hash, host key or private key to compare");
            }

            var shared = new List<(SecretSighting Own, SecretSighting Other)>();
            foreach (var peer in context.Peers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var theirs = TargetSecrets.For(peer).GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                shared.AddRange(own.Where(s => theirs.ContainsKey(s.Id)).Select(s => (s, theirs[s.Id])));
            }

            if (shared.Count == 0)
            {
                return CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture,
                    $"{own.Count} secret(s) compared with {context.Peers.Count} other image(s); none is shared"));
            }

            var ordered = shared.OrderBy(s => s.Own.Path, StringComparer.Ordinal).ThenBy(s => s.Own.What, StringComparer.Ordinal).ToArray();
            var evidence = ordered.Take(maxEvidence).Select(s => new EvidenceItem
            {
                Kind = "file",
                Description = $"{s.Own.What} ({s.Own.Id}) is also in {s.Other.Path}",
                Path = s.Own.Path,
            }).ToArray();
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{ordered.Length} secret(s) also found in another image: {string.Join("; ", ordered.Take(3).Select(s => $"{s.Own.What} in {s.Own.Path}"))}{(ordered.Length > 3 ? "; and more" : "")}");
            return CheckOutcome.Fail(reason, evidence, string.Join('\n', ordered.Select(s => s.Own.Id).Distinct().Order(StringComparer.Ordinal)));
        }
    }
}
