using System.Globalization;
using System.Text;
using ComplianceAuditor.Checks.Secrets.Scanning;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Secrets;
using ComplianceAuditor.Credentials.Dictionary;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Secrets.Embedded;

/// <summary>
/// <c>embedded-credentials</c>: a binary or script that carries a published default login as two strings close
/// together, the user name and its distinctive password (Mirai's root/xc3511, root/vizxv...). That is how vendor
/// backdoors and hard-wired telnet or web logins look from outside; peers that grep for "password" report every
/// binary that prints the word, while a pair from the dictionary within a few dozen bytes is hardly ever chance.
/// The bytes are searched in the same pass as the key material (<see cref="SecretBytes"/>).
/// </summary>
public sealed class EmbeddedCredentialsCheck : ICheck
{
    public string Kind => "embedded-credentials";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Elf, ArtifactKind.Binary, ArtifactKind.Text];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "find", "maxEvidence"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var paths = PathSelection.From(rule.Check, required: false);
        var maxEvidence = (int)rule.Check.GetInt("maxEvidence", 10);
        return (rule.Check.TryGetString("find") ?? "dictionary") switch
        {
            "dictionary" => new Prepared(paths, CredentialPairs.BuiltIn, maxEvidence),
            "near-login-prompt" => new NearPromptPrepared(paths, maxEvidence),
            var other => throw new CheckParameterException("find", $"check.find '{other}' is not one of dictionary, near-login-prompt"),
        };
    }


    internal sealed class Prepared(PathSelection paths, CredentialPairs pairs, int maxEvidence) : IPreparedCheck, ISelfTestable
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => paths.IsExplicit;

        public bool MatchesSample(string sample)
        {
            var bytes = Encoding.Latin1.GetBytes(sample);
            var hits = new Dictionary<DefaultCredential, Hit>();
            DefaultLoginSearch.Search(bytes, 0, bytes.Length, 0, pairs, hits);
            return hits.Count > 0;
        }

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            var scan = context.Scratch.GetOrAdd(SecretBytes.ScratchKey, () => SecretBytes.Read(context.Artifact, context.Options.MaxScanBytes, cancellationToken));
            var hits = scan.Logins;
            if (hits.Count == 0)
            {
                return scan.Truncated
                    ? CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture, $"only the first {context.Options.MaxScanBytes} bytes were searched and hold no default login; the rest was not checked"))
                    : CheckOutcome.Pass("no published default login appears as a user name and password pair");
            }

            var ordered = hits.Values.OrderBy(h => h.Offset).ToArray();
            var evidence = ordered.Take(maxEvidence).Select(h => new EvidenceItem
            {
                Kind = "bytes",
                Description = string.Create(CultureInfo.InvariantCulture, $"the default login {Name(h.Credential)}: user name and password {h.Distance} bytes apart"),
                ByteOffset = h.Offset,
                ByteLength = h.Credential.Password.Length,
                Excerpt = $"{h.Credential.Username} / {SecretText.Present(h.Credential.Password, context.Options.ShowSecrets)}",
            }).ToArray();
            var reason = $"{ordered.Length} default login(s) built in: {string.Join(", ", ordered.Select(h => Name(h.Credential)).Distinct())}";
            return CheckOutcome.Fail(reason, evidence, string.Join('\n', ordered.Select(h => Name(h.Credential)).Distinct().Order(StringComparer.Ordinal)));
        }

        private static string Name(DefaultCredential c) => string.Create(CultureInfo.InvariantCulture, $"{c.Source} #{c.Index} (user '{c.Username}')");
    }
}
