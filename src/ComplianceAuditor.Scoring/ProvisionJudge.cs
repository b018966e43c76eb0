using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// The verdict model for one provision, in order:
/// <list type="number">
/// <item>FAIL when any linked result failed.</item>
/// <item>INCONCLUSIVE when any linked result was inconclusive or errored.</item>
/// <item>NOT ASSESSED when the provision has no automated assessment, or none of its checks can produce evidence
/// from what was audited (for example repository checks in a firmware-only audit).</item>
/// <item>PASS when every check it can expect from this audit has at least one passing result.</item>
/// <item>INCONCLUSIVE when only some of them do (partial evidence is not a pass).</item>
/// <item>NOT ASSESSED when none of them produced evidence.</item>
/// </list>
/// NOT APPLICABLE comes only from a declared condition, never from missing evidence.
/// </summary>
public static class ProvisionJudge
{
    /// <summary>How many results a verdict's reasons name before "and N more".</summary>
    internal const int MaxListed = 5;

    public static ProvisionAssessment Judge(string schemeId, ProvisionDefinition provision, IReadOnlyList<CheckResult> results, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(provision);
        ArgumentNullException.ThrowIfNull(results);
        return JudgeLinked(provision, new ResultIndex(results).Linked(schemeId, provision), context);
    }

    /// <summary>Judges from the results already known to be linked to the provision, in their report order.</summary>
    internal static ProvisionAssessment JudgeLinked(ProvisionDefinition provision, LinkedResults linked, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runs = linked.Runs;
        var failed = runs.Sum(r => r.Failed);
        if (failed > 0)
        {
            return new(provision, Verdict.Fail, List(runs.SelectMany(r => r.FirstFailed), failed, r => $"{r.RuleId} failed on {r.Artifact}: {r.Message}"), linked);
        }

        var undecided = runs.Sum(r => r.Undecided);
        if (undecided > 0)
        {
            return new(provision, Verdict.Inconclusive, List(runs.SelectMany(r => r.FirstUndecided), undecided, r => $"{r.RuleId} could not decide on {r.Artifact}: {r.Reason}"), linked);
        }

        if (!provision.Assessment.Contains(AssessmentMethod.Automated))
        {
            var how = string.Join(" or ", provision.Assessment.Select(m => m == AssessmentMethod.Lab ? "a laboratory test" : "the manufacturer's declaration"));
            return new(provision, Verdict.NotAssessed, [$"settled only by {how}; none was given"], linked);
        }

        var expected = provision.Checks.Where(id => CanExpect(id, context)).ToArray();
        if (expected.Length == 0)
        {
            return new(provision, Verdict.NotAssessed,
                [$"none of its checks ({string.Join(", ", provision.Checks)}) can give evidence from the targets audited"], linked);
        }

        var covered = expected.Where(id => runs.Any(r => r.Passed > 0 && r.Rule.Catalog.Contains(id))).ToArray();
        var missing = expected.Except(covered).ToArray();
        if (missing.Length == 0)
        {
            var reasons = new List<string> { $"all evidence passed for {string.Join(", ", covered)} ({runs.Sum(r => r.Passed)} passing result(s))" };
            if (provision.Assessment.Contains(AssessmentMethod.Declaration))
            {
                reasons.Add("the manufacturer's declaration would confirm what the tool cannot see");
            }

            return new(provision, Verdict.Pass, reasons, linked);
        }

        if (covered.Length > 0)
        {
            return new(provision, Verdict.Inconclusive,
                [$"partial evidence: passed for {string.Join(", ", covered)}; no result for {string.Join(", ", missing)}"], linked);
        }

        var notApplicable = runs.Sum(r => r.NotApplicable);
        var why = notApplicable > 0
            ? List(runs.SelectMany(r => r.FirstNotApplicable), notApplicable, r => $"{r.RuleId} was not applicable: {r.Reason}")
            : [$"no rule in the rule set gives evidence for {string.Join(", ", missing)} yet"];
        return new(provision, Verdict.NotAssessed, why, linked);
    }

    /// <summary>A result counts for a provision through a shared catalog id or the rule's explicit provision mapping.</summary>
    public static bool IsLinked(string schemeId, ProvisionDefinition provision, CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return IsLinked(schemeId, provision, result.Rule);
    }

    /// <summary>The same link, decided once per rule: every result of a rule shares it.</summary>
    public static bool IsLinked(string schemeId, ProvisionDefinition provision, RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(provision);
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Catalog.Any(provision.Checks.Contains)
            || rule.Provisions.Any(p => p.Scheme == schemeId && p.Provision == provision.Id);
    }

    private static bool CanExpect(string checkId, ScoringContext context)
    {
        var entry = context.Catalog.FirstOrDefault(c => c.Id == checkId);
        if (entry is null || (entry.MultiVersion && !context.MultipleVersions))
        {
            return false;
        }

        var firmware = context.TargetKinds.Any(k => k is TargetKind.Firmware or TargetKind.Rootfs);
        var repository = context.TargetKinds.Contains(TargetKind.Repo);
        return (firmware && entry.Targets.Contains("firmware")) || (repository && entry.Targets.Contains("repository"));
    }

    /// <summary>The first results described, then how many more there are of <paramref name="total"/>.</summary>
    private static string[] List(IEnumerable<CheckResult> first, int total, Func<CheckResult, string> describe)
    {
        var lines = first.Take(MaxListed).Select(describe).ToList();
        if (total > MaxListed)
        {
            lines.Add($"and {total - MaxListed} more");
        }

        return [.. lines];
    }
}
