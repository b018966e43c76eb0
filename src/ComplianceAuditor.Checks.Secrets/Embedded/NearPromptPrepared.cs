using System.Globalization;
using System.Text;
using ComplianceAuditor.Checks.Secrets.Scanning;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Secrets;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Secrets.Embedded;

/// <summary>
/// <c>embedded-credentials</c> with <c>find: near-login-prompt</c>: an account name and a password-like neighbour
/// string next to a login prompt or HTTP authentication string, for built-in logins that are in no dictionary.
/// </summary>
internal sealed class NearPromptPrepared(PathSelection paths, int maxEvidence) : IPreparedCheck, ISelfTestable
{
    public bool Selects(Artifact artifact) => paths.Matches(artifact);

    public string DescribeSelection() => paths.Describe();

    public bool NarrowsByPath => paths.IsExplicit;

    public bool MatchesSample(string sample)
    {
        var bytes = Encoding.Latin1.GetBytes(sample);
        var hits = new List<PromptHit>();
        PromptLoginSearch.Search(bytes, 0, bytes.Length, 0, hits);
        return hits.Count > 0;
    }

    public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
    {
        var scan = context.Scratch.GetOrAdd(SecretBytes.ScratchKey, () => SecretBytes.Read(context.Artifact, context.Options.MaxScanBytes, cancellationToken));
        var hits = scan.PromptLogins;
        if (hits.Count == 0)
        {
            return scan.Truncated
                ? CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture, $"only the first {context.Options.MaxScanBytes} bytes were searched and show no built-in login; the rest was not checked"))
                : CheckOutcome.Pass("no account name with a password-like string beside it near a login prompt");
        }

        var ordered = hits.OrderBy(h => h.Offset).ToArray();
        var evidence = ordered.Take(maxEvidence).Select(h => new EvidenceItem
        {
            Kind = "bytes",
            Description = $"account '{h.User}' beside a password-like string, near \"{h.Marker}\"",
            ByteOffset = h.Offset,
            ByteLength = h.Password.Length,
            Excerpt = $"{h.User} / {SecretText.Present(h.Password, context.Options.ShowSecrets)}",
        }).ToArray();
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{ordered.Length} probable built-in login(s), for {string.Join(", ", ordered.Select(h => $"'{h.User}'").Distinct())}");
        return CheckOutcome.Fail(reason, evidence, string.Join('\n', ordered.Select(h => h.User + ":" + SecretText.Identify(h.Password)).Order(StringComparer.Ordinal)));
    }
}
