using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Reporting.Baseline;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Scoring;

namespace ComplianceAuditor.Reporting;

/// <summary>Maps an audit's internal objects onto the report contract, in a fixed order.</summary>
public static class ReportBuilder
{
    public const string InformationUri = "https://github.com/compliance-auditor/compliance-auditor";

    public static AuditReport Build(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var waivers = new WaiverTally();
        var baseline = input.Baseline is null ? null : new BaselineTally(input.Baseline);
        var summary = Summarize(input.Results, input.Waivers, waivers, baseline);
        return new AuditReport
        {
            Tool = new ToolInfo
            {
                Name = input.ToolName,
                Version = input.ToolVersion,
                InformationUri = InformationUri,
                RulesetSha256 = input.RuleSet.Sha256,
                DisabledRules = input.DisabledRules.Order(StringComparer.Ordinal).ToArray(),
            },
            GeneratedAt = input.GeneratedAt.ToUniversalTime(),
            Inputs = input.Inventories.Select(i => new InputEntry
            {
                Name = i.Target.Name,
                Kind = Names.Of(i.Target.Kind),
                Sha256 = i.Target.Sha256,
                Size = i.Target.Size,
                ArtifactCount = i.Artifacts.Count,
            }).ToArray(),
            Artifacts = new ProjectedList<Artifact, ArtifactEntry>(ArtifactsOf(input), ToEntry),
            Rules = input.RuleSet.Rules.Select(r => ToEntry(r, input.RuleSet)).ToArray(),
            Results = new ProjectedList<CheckResult, ResultEntry>(input.Results, r => ToEntry(r, input.Waivers)),
            Summary = summary,
            Schemes = input.Schemes.Select(SchemeEntries.ToEntry).ToArray(),
            Declaration = DeclarationEntries.ToEntry(input.Declaration, input.FactConflicts),
            Waivers = input.Waivers.File.Source.Length == 0 ? null : waivers.ToEntry(input.Waivers.File),
            Baseline = baseline?.ToEntry(input.RuleSet.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal)),
            SecretsShown = input.SecretsShown,
            Notes = input.Inventories.SelectMany(i => i.Notes.Select(n => $"{i.Target.Name}: {n}"))
                .Concat(input.Histories.SelectMany(HistoryNotes))
                .Concat(input.Comparisons.Select(c =>
                    $"{c.Target.Name}: earlier release compared for shared secrets and rollback counters only (--previous), not audited; SHA-256 {(c.Target.Sha256.Length > 0 ? c.Target.Sha256 : "not computed (a folder)")}"))
                .Concat(input.TrustAnchors.Select(a => $"trusted key given with --public-key: {a}"))
                .Concat(input.Declared.Select(d => $"declared on the command line, not verified: {d}"))
                .Concat(input.OnlyRules.Count == 0 ? [] : [$"only the rules selected with --only were run: {string.Join(", ", input.OnlyRules)}"])
                .Concat(input.ComponentNotes.Select(n => $"components: {n}"))
                .ToArray(),
            Components = input.Components,
        };
    }

    /// <summary>Each target's artifacts, followed by those of its history that have a result.</summary>
    private static IReadOnlyList<Artifact> ArtifactsOf(ReportInput input)
    {
        var lists = new List<IReadOnlyList<Artifact>>();
        foreach (var inventory in input.Inventories)
        {
            lists.Add(inventory.Artifacts);
            if (input.Histories.FirstOrDefault(h => h.Target == inventory.Target.Name) is { } history)
            {
                lists.Add([history.Root, .. history.Artifacts]);
            }
        }

        return lists.Count == 1 ? lists[0] : new ConcatenatedList<Artifact>(lists);
    }

    private static IEnumerable<string> HistoryNotes(TargetHistory history) =>
        [
            string.Create(CultureInfo.InvariantCulture, $"{history.Target}: history read: {history.Scope}; {history.Run.Commits} commit(s), {history.Run.Blobs} distinct blob(s)"),
            .. history.Run.Notes.Select(n => $"{history.Target}: history: {n}"),
            .. history.Run.Problems.Select(p => $"{history.Target}: history not fully read: {p}"),
        ];

    /// <summary>An artifact as the report (and the unpack manifest) lists it.</summary>
    public static ArtifactEntry ToEntry(Artifact a) => new()
    {
        Path = a.Path,
        Target = a.Target,
        Parent = a.Parent,
        Offset = a.Offset,
        Kind = Names.Of(a.Kind),
        Size = a.Size,
        Sha256 = a.Sha256.Length == 0 ? null : a.Sha256,
        LinkTarget = a.LinkTarget,
        Note = a.Note,
        Mode = a.Mode is { } mode ? Convert.ToString(mode & 0xfff, 8).PadLeft(4, '0') : null,
        Uid = a.Uid is >= 0 ? a.Uid : null,
        Gid = a.Gid is >= 0 ? a.Gid : null,
        LoadAddress = a.LoadAddress is { } address and >= 0 ? string.Create(CultureInfo.InvariantCulture, $"0x{address:x}") : null,
        ExtractedBy = a.ExtractedBy,
        Container = a.Container,
        History = a.History is { } h
            ? new HistoryEntry { Commit = h.Commit, Author = h.Author, Date = h.Date, Path = h.Path, Blob = h.Blob, AddedLinesOnly = h.AddedLinesOnly }
            : null,
    };

    private static RuleEntry ToEntry(RuleDefinition r, RuleSet ruleSet) => new()
    {
        Id = r.Id,
        Title = r.Title,
        Severity = Names.Of(r.Severity),
        CheckKind = r.Check.Kind,
        Catalog = r.Catalog,
        Provisions = ProvisionsOf(r, ruleSet),
        Rationale = r.Rationale,
        Remediation = r.Remediation,
        References = r.References.Select(x => new ReferenceEntry(x.Title, x.Url)).ToArray(),
        Tags = r.Tags,
        Cwe = r.Cwe,
        BuiltIn = r.BuiltIn,
    };

    /// <summary>Every <c>scheme:provision</c> a rule gives evidence for, the same links the scoring uses.</summary>
    public static IReadOnlyList<string> ProvisionsOf(RuleDefinition rule, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.Schemes
            .SelectMany(s => s.Provisions
                .Where(p => p.Checks.Any(rule.Catalog.Contains) || rule.Provisions.Any(x => x.Scheme == s.Id && x.Provision == p.Id))
                .Select(p => $"{s.Id}:{p.Id}"))
            .ToArray();
    }

    private static ResultEntry ToEntry(CheckResult r, AppliedWaivers waivers) => new()
    {
        RuleId = r.RuleId,
        Catalog = r.Rule.Catalog,
        Outcome = Names.Of(r.Outcome),
        Severity = Names.Of(r.Severity),
        Artifact = r.Artifact,
        Message = r.Message,
        Reason = r.Reason,
        Evidence = r.Evidence.Select(e => new EvidenceEntry
        {
            Kind = e.Kind,
            Description = e.Description,
            Path = e.Path,
            Excerpt = e.Excerpt,
            Line = e.Line,
            Column = e.Column,
            ByteOffset = e.ByteOffset,
            ByteLength = e.ByteLength,
            Symbol = e.Symbol,
            Commit = e.Commit,
        }).ToArray(),
        Fingerprint = r.Fingerprint,
        Waiver = waivers.Match(r) is { } w
            ? new WaiverEntry
            {
                Applied = w.Applies,
                Justification = w.Waiver.Justification,
                Approver = w.Waiver.Approver,
                Expires = w.Waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Location = w.Waiver.Location,
            }
            : null,
    };

    /// <summary>Counted in one walk: the results of a large audit are read back from packed blocks on every walk.</summary>
    private static ResultSummary Summarize(IReadOnlyList<CheckResult> results, AppliedWaivers applied, WaiverTally tally, BaselineTally? baseline)
    {
        var outcomes = new int[Enum.GetValues<Outcome>().Length];
        var failures = new int[Enum.GetValues<Severity>().Length];
        foreach (var result in results)
        {
            outcomes[(int)result.Outcome]++;
            if (result.Outcome != Outcome.Fail)
            {
                continue;
            }

            baseline?.CountFailure(result.Fingerprint);
            var match = applied.Match(result);
            tally.Count(match, match is null ? [] : applied.Naming(result));
            if (match?.Applies != true)
            {
                failures[(int)result.Severity]++;
            }
        }

        return new()
        {
            Outcomes = Enum.GetValues<Outcome>().ToDictionary(Names.Of, o => outcomes[(int)o]),
            FailuresBySeverity = Enum.GetValues<Severity>().Reverse().ToDictionary(Names.Of, s => failures[(int)s]),
            Waived = tally.Applied,
        };
    }
}
