using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceAuditor.Analyzers;
using ComplianceAuditor.Analyzers.Infrastructure;
using ComplianceAuditor.Checks.CSharp.Findings;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using Microsoft.CodeAnalysis;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>
/// The target's .editorconfig and .globalconfig files: parsed for the analyzer options, and checked line by line for
/// options of ours whose values cannot be read (CMP4000). The IDE reports such a value once per build without a
/// place; here it lands on the file and line that hold it, with the same validation the analyzer uses.
/// </summary>
internal static partial class ConfigFiles
{
    private const long MaxBytes = 1 << 20;

    /// <param name="unreadable">Filled with the files that could not be read and why: their options reach no rule.</param>
    public static IReadOnlyList<(Artifact Artifact, AnalyzerConfig Config, string Text)> Read(
        IEnumerable<Artifact> artifacts, List<(Artifact Artifact, string Problem)> unreadable, CancellationToken cancellationToken)
    {
        var configs = new List<(Artifact, AnalyzerConfig, string)>();
        foreach (var artifact in artifacts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = SourceReader.Read(artifact, MaxBytes, out var problem);
            if (text is null)
            {
                unreadable.Add((artifact, problem + "; its analyzer options were not applied"));
            }
            else
            {
                var content = text.ToString();
                configs.Add((artifact, AnalyzerConfig.Parse(content, VirtualPath.Of(artifact.RelativePath)), content));
            }
        }

        return configs;
    }

    /// <summary>A CMP4000 result for every configuration file: the lines whose option values cannot be read.</summary>
    public static IEnumerable<(string Path, FileAnalysis Analysis)> Findings(IEnumerable<(Artifact Artifact, AnalyzerConfig Config, string Text)> configs)
    {
        foreach (var (artifact, _, text) in configs)
        {
            yield return (artifact.Path, new FileAnalysis("", null, false, Problems(text)));
        }
    }

    /// <summary>The option values of ours in one configuration file's text that cannot be read, by line.</summary>
    public static ImmutableArray<SourceFinding> Problems(string text)
    {
        var findings = ImmutableArray.CreateBuilder<SourceFinding>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var property = Property().Match(line);
            if (!property.Success)
            {
                continue;
            }

            var name = property.Groups["key"].Value;
            var key = OptionKeys.All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                continue;
            }

            foreach (var (entry, problem) in OptionValues.Problems(key, property.Groups["value"].Value))
            {
                // The descriptor's own message, so the IDE and the audit say the same thing.
                var message = string.Format(CultureInfo.InvariantCulture, Descriptors.InvalidOption.MessageFormat.ToString(CultureInfo.InvariantCulture), key.Name, entry, problem);
                findings.Add(new SourceFinding(
                    DiagnosticIds.InvalidOption, number, line.IndexOf(name, StringComparison.Ordinal) + 1, message,
                    DisplayText.Sanitize(line.Trim()), key.Name + "|" + entry, null, null));
            }
        }

        return findings.ToImmutable();
    }

    /// <summary>
    /// A property line as Roslyn reads it: a key of word characters, dots and dashes, <c>=</c> or <c>:</c>, and the
    /// value up to a trailing <c>#</c> or <c>;</c> comment. Comment lines and section headers do not match.
    /// </summary>
    [GeneratedRegex(@"^\s*(?<key>[\w.\-]+)\s*[=:]\s*(?<value>.*?)\s*([#;].*)?\r?$")]
    private static partial Regex Property();
}
