using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Content;

/// <summary>
/// <c>text-regex</c>: fails a text file when a line matches <c>pattern</c>. Each matching line becomes evidence with
/// its line, column and a sanitised excerpt. A file only partly read (over the size limit) without a match is
/// inconclusive, not a pass.
/// </summary>
public sealed class TextRegexCheck : ICheck
{
    public string Kind => "text-regex";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Text];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "pattern", "ignoreCase", "maxEvidence"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(options);
        var spec = rule.Check;
        var pattern = spec.GetString("pattern");
        Regex regex;
        try
        {
            regex = RegexFactory.Create(pattern, spec.GetBool("ignoreCase", false), options.RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new CheckParameterException("pattern", $"check.pattern is not a valid regular expression: {e.Message}");
        }

        return new Prepared(PathSelection.From(spec, required: true), regex, (int)spec.GetInt("maxEvidence", 10));
    }

    private sealed class Prepared(PathSelection paths, Regex regex, int maxEvidence) : IPreparedCheck, ISelfTestable
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => paths.IsExplicit;

        public bool MatchesSample(string sample) => regex.IsMatch(sample);

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            // A file that fits one window is decoded once for all the text rules of the artifact and given back when
            // the artifact is done; a larger one is read window by window by each rule, and never kept.
            var fits = TextWindows.FitsOneWindow(Math.Min(context.Artifact.Size, context.Options.MaxTextBytes));
            using var own = fits ? null : TextWindows.Open(context.Artifact, context.Options.MaxTextBytes, cancellationToken);
            var content = own ?? context.Scratch.GetOrAdd("text", () => TextWindows.Open(context.Artifact, context.Options.MaxTextBytes, cancellationToken));
            var evidence = new List<EvidenceItem>();
            var distinct = new SortedSet<string>(StringComparer.Ordinal);
            var count = 0;
            content.ForEachMatch(regex, (window, index, length) =>
            {
                count++;
                var text = window.Text;
                if (distinct.Count < 50)
                {
                    distinct.Add(text.Slice(index, length).Trim().ToString());
                }

                if (evidence.Count < maxEvidence)
                {
                    var (line, column) = window.Position(index);
                    evidence.Add(new EvidenceItem
                    {
                        Kind = "text",
                        Description = "line matching the rule's pattern",
                        Excerpt = DisplayText.Sanitize(TextContent.LineAt(text, index).Trim()),
                        Line = line,
                        Column = column,
                    });
                }

                // An empty match would otherwise be reported once per position.
                return length > 0;
            }, cancellationToken);

            if (count > 0)
            {
                // The pattern itself is in the rule; a reader needs the count and the lines, not the regex.
                var reason = count == 1 ? "1 match of the rule's pattern"
                    : string.Create(CultureInfo.InvariantCulture, $"{count} matches of the rule's pattern");
                return CheckOutcome.Fail(reason, evidence, string.Join('\n', distinct));
            }

            return content.Truncated
                ? CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture,
                    $"only the first {context.Options.MaxTextBytes} bytes were read and they do not match; the rest was not checked"))
                : CheckOutcome.Pass("no line matches the pattern");
        }
    }
}
