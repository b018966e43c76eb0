using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Secrets;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Content.Secrets;

/// <summary>
/// <c>secret-regex</c>: fails a file that holds a secret (a token, a key, a password in configuration). The pattern
/// marks the secret with a group named <c>secret</c>; matches whose secret is too short, too regular or a placeholder
/// are set aside (<see cref="SecretFilter"/>). The secret never reaches the evidence unredacted unless the audit asked
/// for it, and the fingerprint is made from its hash, so it is the same either way.
/// Patterns must match within one line: the secret is taken again from the matching line.
/// </summary>
public sealed class SecretRegexCheck : ICheck
{
    private const string SecretGroup = "secret";

    public string Kind => "secret-regex";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Text];

    public IReadOnlyCollection<string> Parameters { get; } =
        ["paths", "exclude", "pattern", "ignoreCase", "minLength", "minEntropy", "placeholders", "maxEvidence"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(options);
        var spec = rule.Check;
        var regex = Compile("pattern", spec.GetString("pattern"), spec.GetBool("ignoreCase", false), options);
        if (regex.GroupNumberFromName(SecretGroup) < 0)
        {
            throw new CheckParameterException("pattern", $"check.pattern needs a group named '{SecretGroup}' around the secret, e.g. (?<{SecretGroup}>...)");
        }

        var placeholders = SecretFilter.CommonPlaceholders.Concat(spec.GetStringList("placeholders"))
            .Select((p, i) => Compile($"placeholders[{i}]", p, ignoreCase: false, options))
            .ToArray();
        var minLength = (int)spec.GetInt("minLength", 8);
        var minEntropy = spec.GetDouble("minEntropy", 0);
        if (minLength is < 1 or > 4096 || minEntropy is < 0 or > 16)
        {
            throw new CheckParameterException("minLength", "check.minLength must be 1 to 4096 and check.minEntropy 0 to 16 bits per character");
        }

        var filter = new SecretFilter(minLength, minEntropy, placeholders);
        return new Prepared(PathSelection.From(spec, required: false), regex, filter, (int)spec.GetInt("maxEvidence", 10));
    }

    private static Regex Compile(string parameter, string pattern, bool ignoreCase, EngineOptions options)
    {
        try
        {
            return RegexFactory.Create(pattern, ignoreCase, options.RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new CheckParameterException(parameter, $"check.{parameter} is not a valid regular expression: {e.Message}");
        }
    }

    private sealed class Prepared(PathSelection paths, Regex regex, SecretFilter filter, int maxEvidence) : IPreparedCheck, ISelfTestable
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => paths.IsExplicit;

        public bool MatchesSample(string sample) =>
            regex.Matches(sample).Any(m => filter.Reject(m.Groups[SecretGroup].Value) is null);

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            var fits = TextWindows.FitsOneWindow(Math.Min(context.Artifact.Size, context.Options.MaxTextBytes));
            using var own = fits ? null : TextWindows.Open(context.Artifact, context.Options.MaxTextBytes, cancellationToken);
            var content = own ?? context.Scratch.GetOrAdd("text", () => TextWindows.Open(context.Artifact, context.Options.MaxTextBytes, cancellationToken));
            var found = new SortedDictionary<string, EvidenceItem>(StringComparer.Ordinal);
            var setAside = 0;
            content.ForEachMatch(regex, (window, index, length) =>
            {
                if (length == 0)
                {
                    return false;
                }

                // The match may begin with the line break before the key (a delimiter in the pattern), so the text
                // matched again runs from the start of the match's first line to the end of its last.
                var (span, spanStart) = LinesOf(window.Text, index, length);
                var match = regex.Matches(span).FirstOrDefault(m => m.Index == index - spanStart);
                var secret = match?.Groups[SecretGroup] is { Success: true } group ? group : null;
                if (secret is null || filter.Reject(secret.Value) is not null)
                {
                    setAside++;
                    return true;
                }

                var id = SecretText.Identify(secret.Value);
                if (!found.ContainsKey(id) && found.Count < 1000)
                {
                    var (number, column) = window.Position(spanStart + secret.Index);
                    var lineStart = span.LastIndexOf('\n', Math.Max(0, secret.Index - 1)) + 1;
                    var lineEnd = span.IndexOf('\n', secret.Index + secret.Length);
                    var line = span[lineStart..(lineEnd < 0 ? span.Length : lineEnd)].TrimEnd('\r');
                    // Redacted, the excerpt stops after the secret: the rest of the line may hold other secrets (the
                    // second key of a pair, the next field of minified JSON) that this match did not catch.
                    var excerpt = context.Options.ShowSecrets
                        ? line
                        : string.Concat(Before(line, secret.Index - lineStart), SecretText.Redact(secret.Value));
                    found[id] = new EvidenceItem
                    {
                        Kind = "text",
                        Description = $"a secret ({id})",
                        Excerpt = DisplayText.Sanitize(Shorten(excerpt.Trim())),
                        Line = number,
                        Column = column,
                    };
                }

                return true;
            }, cancellationToken);

            if (found.Count > 0)
            {
                var reason = found.Count == 1 ? "1 secret" : string.Create(CultureInfo.InvariantCulture, $"{found.Count} distinct secrets");
                var evidence = found.Values.OrderBy(e => e.Line).Take(maxEvidence).ToArray();
                return CheckOutcome.Fail(reason, evidence, string.Join('\n', found.Keys));
            }

            var aside = setAside == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {setAside} lookalike(s) set aside as placeholders, too short or too regular");
            return content.Truncated
                ? CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture,
                    $"only the first {context.Options.MaxTextBytes} bytes were read and hold no secret{aside}; the rest was not checked"))
                : CheckOutcome.Pass("no secret of this kind" + aside);
        }

        /// <summary>
        /// The whole lines a match covers, at most 2,048 characters before it and 4,096 in all, and where they start.
        /// </summary>
        private static (string Text, int Start) LinesOf(ReadOnlySpan<char> text, int index, int length)
        {
            var start = Math.Max(text[..index].LastIndexOf('\n') + 1, index - 2048);
            var last = Math.Min(text.Length, index + length);
            var end = text[last..].IndexOf('\n');
            end = end < 0 ? text.Length : last + end;
            end = Math.Min(end, start + 4096);
            return (text[start..end].ToString(), start);
        }

        private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + "…";

        /// <summary>Up to 80 characters before the secret (its key name, mostly), so the redacted value stays in view.</summary>
        private static string Before(string line, int secretStart) =>
            secretStart <= 80 ? line[..secretStart] : "…" + line[(secretStart - 80)..secretStart];
    }
}
