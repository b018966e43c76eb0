using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Engine;

/// <summary>
/// Evaluates rules over the artifacts of every target, in parallel, with cancellation and a time limit per
/// (rule, artifact) pair. Every applicable pair yields exactly one recorded result, and a rule that finds nothing to
/// look at in a target yields one not-applicable result for the target, so scheme scores always have a denominator.
/// Results come back in a fixed order, independent of scheduling.
/// </summary>
public sealed class AuditEngine
{
    private readonly CheckRegistry _registry;
    private readonly EngineOptions _options;
    private readonly ResultText _text = new();

    public AuditEngine(CheckRegistry registry, EngineOptions options)
    {
        _registry = registry;
        _options = options;
    }

    public async Task<IReadOnlyList<CheckResult>> RunAsync(
        IReadOnlyList<TargetInventory> inventories,
        IReadOnlyList<RuleDefinition> rules,
        IProgress<EngineProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventories);
        ArgumentNullException.ThrowIfNull(rules);

        var prepared = rules.ToDictionary(r => r.Id, Prepare, StringComparer.Ordinal);
        var items = inventories.SelectMany(inv => rules.SelectMany(rule => Plan(rule, prepared[rule.Id], inv))).ToArray();
        var results = new ConcurrentBag<CheckResult>();
        var completed = 0;
        foreach (var decided in items.Where(i => i.Decided is not null))
        {
            results.Add(ToResult(decided, decided.Decided!));
            completed++;
        }

        // All rules of one artifact run together on one worker, sharing its scratch (a file parsed once, not once per rule).
        var groups = items.Where(i => i.Decided is null).GroupBy(i => i.Artifact.Path, StringComparer.Ordinal).ToArray();
        await Parallel.ForEachAsync(
            groups,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism), CancellationToken = cancellationToken },
            (group, ct) =>
            {
                using var scratch = new ArtifactScratch();
                foreach (var item in group)
                {
                    results.Add(ToResult(item, Evaluate(item, scratch, ct)));
                    progress?.Report(new EngineProgress(Interlocked.Increment(ref completed), items.Length));
                }

                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);

        return results
            .OrderBy(r => r.RuleId, StringComparer.Ordinal)
            .ThenBy(r => r.Artifact, StringComparer.Ordinal)
            .ThenBy(r => r.Fingerprint, StringComparer.Ordinal)
            .ToArray();
    }

    private (IPreparedCheck? Check, CheckOutcome? Failure, CheckScope Scope, IReadOnlyList<ArtifactKind> Kinds) Prepare(RuleDefinition rule)
    {
        var check = _registry.Find(rule.Check.Kind);
        if (check is null)
        {
            return (null, new CheckOutcome(Outcome.Error, $"unknown check kind '{rule.Check.Kind}'", [], ""), CheckScope.Target, []);
        }

        var kinds = rule.Artifacts.Count > 0 ? rule.Artifacts : check.DefaultArtifactKinds;
        try
        {
            return (check.Prepare(rule, _options), null, check.Scope, kinds);
        }
        catch (CheckParameterException e)
        {
            return (null, new CheckOutcome(Outcome.Error, $"invalid check parameters: {e.Message}", [], ""), check.Scope, kinds);
        }
    }

    private static List<WorkItem> Plan(
        RuleDefinition rule,
        (IPreparedCheck? Check, CheckOutcome? Failure, CheckScope Scope, IReadOnlyList<ArtifactKind> Kinds) prepared,
        TargetInventory inventory)
    {
        var root = inventory.Root;
        if (!rule.Targets.Contains(inventory.Target.Kind))
        {
            var expected = string.Join(", ", rule.Targets.Select(KindName));
            var reason = $"the rule is for {expected} targets and '{inventory.Target.Name}' is a {KindName(inventory.Target.Kind)}";
            return [new WorkItem(rule, inventory, root, null, CheckOutcome.NotApplicable(reason))];
        }

        if (prepared.Check is null)
        {
            return [new WorkItem(rule, inventory, root, null, prepared.Failure)];
        }

        if (prepared.Scope == CheckScope.Target)
        {
            return [new WorkItem(rule, inventory, root, prepared.Check, null)];
        }

        var items = new List<WorkItem>();
        foreach (var artifact in inventory.Artifacts)
        {
            if (artifact.IsTargetRoot && artifact.Kind == ArtifactKind.Directory || !prepared.Check.Selects(artifact))
            {
                continue;
            }

            if (artifact.Kind == ArtifactKind.Unreadable)
            {
                items.Add(new WorkItem(rule, inventory, artifact, null, CheckOutcome.Inconclusive($"the file could not be read: {artifact.Note}")));
            }
            else if (prepared.Kinds.Contains(artifact.Kind))
            {
                items.Add(new WorkItem(rule, inventory, artifact, prepared.Check, null));
            }
            else if (prepared.Check.NarrowsByPath && WrongKind(artifact, prepared.Kinds) is { } outcome)
            {
                items.Add(new WorkItem(rule, inventory, artifact, null, outcome));
            }
        }

        if (items.Count == 0)
        {
            var kinds = string.Join(" or ", prepared.Kinds.Select(k => k.ToString().ToLowerInvariant()));
            var reason = $"'{inventory.Target.Name}' has no {kinds} file among {prepared.Check.DescribeSelection()}";
            items.Add(new WorkItem(rule, inventory, root, null, inventory.IsComplete
                ? CheckOutcome.NotApplicable(reason)
                : CheckOutcome.Inconclusive($"{reason} that could be read, but part of the target was not read ({inventory.FirstNote})")));
        }

        return items;
    }

    /// <summary>The result for a file the rule names by path but whose content is not of a kind it reads.</summary>
    private static CheckOutcome? WrongKind(Artifact artifact, IReadOnlyList<ArtifactKind> kinds) => artifact.Kind switch
    {
        ArtifactKind.Symlink => CheckOutcome.NotApplicable($"a symbolic link to {artifact.LinkTarget}; links are not followed, the file they point to is checked where it lies"),
        ArtifactKind.Special => CheckOutcome.NotApplicable("a FIFO, device node or socket, which has no content to check"),
        ArtifactKind.Directory => null,
        // An executable under a broad glob such as **/sbin/* is simply not one of the scripts the rule reads.
        ArtifactKind.Elf => CheckOutcome.NotApplicable($"an ELF binary, where this rule reads {string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()))} files"),
        // Other binary content at a path the rule names (a shadow file with a NUL in it) may be a damaged or disguised file.
        _ => CheckOutcome.Inconclusive(
            $"the file holds {artifact.Kind.ToString().ToLowerInvariant()} content where this rule reads {string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()))}"),
    };

    private CheckOutcome Evaluate(WorkItem item, ArtifactScratch scratch, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            limit.CancelAfter(_options.CheckTimeout);
            return item.Check!.Evaluate(new CheckContext(item.Inventory, item.Artifact, _options) { Scratch = scratch }, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture,
                $"the check was stopped after its time limit of {_options.CheckTimeout.TotalSeconds:0.#} s"));
        }
        catch (RegexMatchTimeoutException e)
        {
            return CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture,
                $"the pattern was stopped after its time limit of {e.MatchTimeout.TotalMilliseconds:0} ms"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CheckOutcome.Inconclusive($"the file could not be read: {IoErrors.Describe(e)}");
        }
#pragma warning disable CA1031 // A bug in one check must become an 'error' result for that pair, not end the audit.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new CheckOutcome(Outcome.Error, $"{e.GetType().Name}: {e.Message}", [], "");
        }
    }

    private CheckResult ToResult(WorkItem item, CheckOutcome outcome)
    {
        var rule = item.Rule;
        return new CheckResult
        {
            Rule = rule,
            Outcome = outcome.Outcome,
            Artifact = item.Artifact.Path,
            Message = _text.Message(rule, outcome.Outcome),
            Reason = _text.Reason(outcome.Reason),
            Evidence = outcome.Evidence,
            Fingerprint = Fingerprint.Compute(rule.Id, item.Artifact.Path, outcome.EvidenceKey),
        };
    }

    internal static string KindName(TargetKind kind) => kind switch
    {
        TargetKind.Firmware => "firmware",
        TargetKind.Rootfs => "rootfs",
        _ => "repo",
    };
}
