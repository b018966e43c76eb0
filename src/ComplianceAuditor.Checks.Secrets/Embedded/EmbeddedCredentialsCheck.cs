using System.Buffers;
using System.Globalization;
using System.Text;
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
/// The file is streamed with enough overlap that a pair across a chunk seam is still seen, and seen once.
/// </summary>
public sealed class EmbeddedCredentialsCheck : ICheck
{
    private const int Reach = DefaultLoginSearch.Reach;

    private const int ChunkSize = 1 << 20;

    public string Kind => "embedded-credentials";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Elf, ArtifactKind.Binary, ArtifactKind.Text];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "maxEvidence"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Prepared(PathSelection.From(rule.Check, required: false), CredentialPairs.BuiltIn, (int)rule.Check.GetInt("maxEvidence", 10));
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
            var (hits, truncated) = Scan(context.Artifact, context.Options.MaxScanBytes, cancellationToken);
            if (hits.Count == 0)
            {
                return truncated
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

        private (Dictionary<DefaultCredential, Hit> Hits, bool Truncated) Scan(Artifact artifact, long maxBytes, CancellationToken cancellationToken)
        {
            var hits = new Dictionary<DefaultCredential, Hit>();
            using var stream = artifact.Content!.OpenRead();
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + (2 * Reach) + CredentialPairs.MaxLength);
            try
            {
                // The buffer starts with the tail of the previous chunk, so a password near a seam has its context
                // on both sides; a token is judged only in the chunk where it starts in the owned part.
                var carried = 0;
                long bufferStart = 0, total = 0;
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var want = (int)Math.Min(ChunkSize, maxBytes - total);
                    var read = want <= 0 ? 0 : stream.ReadAtLeast(buffer.AsSpan(carried, want), want, throwOnEndOfStream: false);
                    total += read;
                    var filled = carried + read;
                    var last = read < want || total >= maxBytes;
                    var ownedFrom = bufferStart == 0 ? 0 : Reach;
                    var ownedTo = last ? filled : Math.Max(ownedFrom, filled - Reach - CredentialPairs.MaxLength);
                    DefaultLoginSearch.Search(buffer.AsSpan(0, filled), ownedFrom, ownedTo, bufferStart, pairs, hits);
                    if (last)
                    {
                        return (hits, total >= maxBytes && stream.ReadByte() >= 0);
                    }

                    // Keep everything from Reach bytes before the first unjudged byte.
                    var keepFrom = ownedTo - Reach;
                    carried = filled - keepFrom;
                    buffer.AsSpan(keepFrom, carried).CopyTo(buffer);
                    bufferStart += keepFrom;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
