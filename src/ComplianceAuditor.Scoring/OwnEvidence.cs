using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>What the provision's own checks showed in this audit, with the reasons a verdict quotes.</summary>
internal static class OwnEvidence
{
    public enum Kind
    {
        /// <summary>The provision is not assessed by checks.</summary>
        NotAutomated,

        /// <summary>None of its checks can give evidence from the targets audited.</summary>
        NotExpected,

        /// <summary>A linked result failed (and no waiver in force accepts it).</summary>
        Fail,

        /// <summary>A linked result was inconclusive or errored.</summary>
        Undecided,

        /// <summary>Every check it can expect has a passing result.</summary>
        Pass,

        /// <summary>Some expected checks passed, others gave nothing.</summary>
        Partial,

        /// <summary>No expected check gave a result.</summary>
        None,
    }

    public sealed record State(Kind Kind, IReadOnlyList<string> Reasons);

    /// <summary>How many results a verdict's reasons name before "and N more".</summary>
    internal const int MaxListed = 5;

    public static State Assess(ProvisionDefinition provision, LinkedResults linked, ScoringContext context)
    {
        var runs = linked.Runs;
        var failed = runs.Sum(r => r.Failed);
        if (failed > 0)
        {
            return new(Kind.Fail, List(runs.SelectMany(r => r.FirstFailed), failed, r => $"{r.RuleId} failed on {r.Artifact}: {r.Message}"));
        }

        var undecided = runs.Sum(r => r.Undecided);
        if (undecided > 0)
        {
            return new(Kind.Undecided, List(runs.SelectMany(r => r.FirstUndecided), undecided, r => $"{r.RuleId} could not decide on {r.Artifact}: {r.Reason}"));
        }

        if (!provision.Assessment.Contains(AssessmentMethod.Automated) || provision.Checks.Count == 0)
        {
            return new(Kind.NotAutomated, []);
        }

        var expected = provision.Checks.Where(id => CanExpect(id, context)).ToArray();
        if (expected.Length == 0)
        {
            return new(Kind.NotExpected, [$"none of its checks ({string.Join(", ", provision.Checks)}) can give evidence from the targets audited"]);
        }

        // A check whose rules all found nothing they apply to here (a SUIT check on a device without SUIT manifests)
        // is not missing evidence: it is left out, and the reasons say so.
        var inapplicable = expected.Where(id =>
        {
            var of = runs.Where(r => r.Rule.Catalog.Contains(id)).ToArray();
            return of.Length > 0 && of.All(r => r.Passed == 0 && r.Waived == 0 && r.NotApplicable > 0);
        }).ToArray();
        var notApplying = inapplicable.Length == 0 ? "" : $"; {string.Join(", ", inapplicable)} did not apply to the targets audited";
        expected = expected.Except(inapplicable).ToArray();
        var covered = expected.Where(id => runs.Any(r => r.Passed > 0 && r.Rule.Catalog.Contains(id))).ToArray();
        var missing = expected.Except(covered).ToArray();
        if (expected.Length > 0 && missing.Length == 0)
        {
            return new(Kind.Pass, [$"all evidence passed for {string.Join(", ", covered)} ({runs.Sum(r => r.Passed)} passing result(s)){notApplying}"]);
        }

        // A check whose only failures are waived did give evidence: say so rather than "no result".
        var waived = missing.Where(id => runs.Any(r => r.Waived > 0 && r.Rule.Catalog.Contains(id))).ToArray();
        var absent = missing.Except(waived).ToArray();
        var gaps = string.Join("; ", new[]
        {
            absent.Length > 0 ? $"no result for {string.Join(", ", absent)}" : null,
            waived.Length > 0 ? $"only failures accepted by a waiver for {string.Join(", ", waived)}" : null,
        }.OfType<string>());
        if (covered.Length > 0)
        {
            return new(Kind.Partial, [$"partial evidence: passed for {string.Join(", ", covered)}; {gaps}{notApplying}"]);
        }

        if (waived.Length > 0)
        {
            return new(Kind.None, [$"no passing evidence: {gaps}"]);
        }

        var notApplicable = runs.Sum(r => r.NotApplicable);
        return new(Kind.None, notApplicable > 0
            ? List(runs.SelectMany(r => r.FirstNotApplicable), notApplicable, r => $"{r.RuleId} was not applicable: {r.Reason}")
            : [$"no rule in the rule set gives evidence for {string.Join(", ", missing)} yet"]);
    }

    /// <summary>Reasons naming the waived failures, so an accepted finding is never invisible in a verdict.</summary>
    public static IReadOnlyList<string> WaivedReasons(LinkedResults linked, ScoringContext context)
    {
        var waived = linked.Runs.Sum(r => r.Waived);
        return waived == 0 ? [] : List(linked.Runs.SelectMany(r => r.FirstWaived), waived, r =>
        {
            var w = context.Waivers.Match(r)!.Waiver;
            return $"{r.RuleId} failed on {r.Artifact} but is waived until {w.Expires:yyyy-MM-dd} by {w.Approver}: {w.Justification}";
        });
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
