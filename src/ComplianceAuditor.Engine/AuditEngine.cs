using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine.History;
using ComplianceAuditor.Engine.Results;

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
    private readonly List<TargetHistory> _histories = [];

    public AuditEngine(CheckRegistry registry, EngineOptions options)
    {
        _registry = registry;
        _options = options;
    }

    /// <summary>
    /// What the last <see cref="RunAsync"/> read of each target's history (for the targets that have one and rules that
    /// ask for it): the history artifacts with a result, which a report lists beside the targets' files.
    /// </summary>
    public IReadOnlyList<TargetHistory> Histories => _histories;

    public async Task<IReadOnlyList<CheckResult>> RunAsync(
        IReadOnlyList<TargetInventory> inventories,
        IReadOnlyList<RuleDefinition> rules,
        IProgress<EngineProgress>? progress,
        CancellationToken cancellationToken,
        IReadOnlyList<TargetInventory>? comparisons = null)
    {
        ArgumentNullException.ThrowIfNull(inventories);
        ArgumentNullException.ThrowIfNull(rules);

        _histories.Clear();
        var prepared = rules.Select(Prepare).ToArray();
        var results = new CompactResults.Builder(rules, _options.Records ?? BlockStore.InMemory(), _text);
        var counter = new PairCounter(inventories.Sum(i => i.Artifacts.Count), progress);
        foreach (var inventory in inventories)
        {
            // Each target is compared with the others and with the images given for comparison only.
            var peers = inventories.Where(i => !ReferenceEquals(i, inventory)).Concat(comparisons ?? []).ToArray();
            await RunTargetAsync(inventory, peers, rules, prepared, results, counter, cancellationToken).ConfigureAwait(false);
        }

        counter.ReportFinal();

        // Each rule's results came in artifact order, target after target; building merges the targets' runs.
        return results.Build();
    }

    /// <summary>
    /// One target: rules decided without looking (wrong target kind, broken rule) first, then every artifact in
    /// parallel with all its rules on one worker, sharing its scratch (a file parsed once, not once per rule). Pairs
    /// are worked out artifact by artifact rather than listed up front: a large tree has hundreds of thousands.
    /// </summary>
    private async Task RunTargetAsync(
        TargetInventory inventory,
        IReadOnlyList<TargetInventory> peers,
        IReadOnlyList<RuleDefinition> rules,
        Prepared[] prepared,
        CompactResults.Builder results,
        PairCounter counter,
        CancellationToken cancellationToken)
    {
        var root = inventory.Root;
        var targetRules = new List<int>();
        var artifactRules = new List<int>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.Targets.Contains(inventory.Target.Kind))
            {
                var expected = string.Join(", ", rule.Targets.Select(KindName));
                var reason = $"the rule is for {expected} targets and '{inventory.Target.Name}' is a {KindName(inventory.Target.Kind)}";
                results.Add(i, ToResult(rule, root, CheckOutcome.NotApplicable(reason)));
                counter.Pairs(1);
            }
            else if (prepared[i].Check is null)
            {
                results.Add(i, ToResult(rule, root, prepared[i].Failure!));
                counter.Pairs(1);
            }
            else
            {
                (prepared[i].Scope == CheckScope.Target ? targetRules : artifactRules).Add(i);
            }
        }

        // Checks that need the whole target first (a compilation of its C# files) do that work now, once, outside the
        // per-pair time limit; the pairs below then share it.
        using var work = new TargetWork();
        foreach (var i in targetRules.Concat(artifactRules).Order())
        {
            if (prepared[i].Check is IPreparesTarget preparing)
            {
                try
                {
                    preparing.PrepareTarget(inventory, work, cancellationToken);
                }
#pragma warning disable CA1031 // The contract asks checks not to throw; one that does must not end the audit.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    // Its work stays undone, and the check's results say that it did not run.
                }
            }
        }

        // How many pairs each artifact rule had, to give a rule that found nothing one result for the target. Each
        // artifact's results are packed as soon as those of the artifacts before it are.
        var pairsPerRule = new int[rules.Count];
        var historyRules = inventory.History is null ? [] : artifactRules.Where(i => rules[i].History).ToArray();
        var tree = new WorkingTreeKeys();
        var artifacts = inventory.Artifacts;
        var sequencer = new ResultSequencer(results);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, artifacts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism), CancellationToken = cancellationToken },
            (index, ct) =>
            {
                var artifact = artifacts[index];
                ArtifactScratch? scratch = null;
                List<(int Rule, CheckResult Result)>? found = null;
                try
                {
                    var pairs = 0;
                    if (index == 0)
                    {
                        foreach (var i in targetRules)
                        {
                            scratch ??= new ArtifactScratch();
                            (found ??= []).Add((i, ToResult(rules[i], root, Evaluate(inventory, peers, root, prepared[i].Check!, scratch, work, ct))));
                            pairs++;
                        }
                    }

                    foreach (var i in artifactRules)
                    {
                        if (Pair(prepared[i], artifact) is not { } pair)
                        {
                            continue;
                        }

                        Interlocked.Increment(ref pairsPerRule[i]);
                        pairs++;
                        if (pair.Decided is { } decided)
                        {
                            (found ??= []).Add((i, ToResult(rules[i], artifact, decided)));
                            continue;
                        }

                        scratch ??= new ArtifactScratch();
                        var outcome = Evaluate(inventory, peers, artifact, pair.Check!, scratch, work, ct);
                        if (outcome.Outcome == Outcome.Fail && rules[i].History)
                        {
                            tree.Add(i, outcome.EvidenceKey);
                        }

                        (found ??= []).Add((i, ToResult(rules[i], artifact, outcome)));
                    }

                    // Several results of one rule on one artifact go in evidence-key order, the report's.
                    sequencer.Done(index, found?.OrderBy(f => f.Rule).ThenBy(f => f.Result.EvidenceKey, StringComparer.Ordinal).ToArray());
                    counter.ArtifactDone(pairs);
                }
                catch
                {
                    // Cancelled or broken: release the workers waiting for this artifact, or the audit would hang.
                    sequencer.Abandon();
                    throw;
                }
                finally
                {
                    scratch?.Dispose();
                }

                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);

        foreach (var i in artifactRules.Where(i => pairsPerRule[i] == 0))
        {
            var kinds = string.Join(" or ", prepared[i].Kinds.Select(k => k.ToString().ToLowerInvariant()));
            var reason = $"'{inventory.Target.Name}' has no {kinds} file among {prepared[i].Check!.DescribeSelection()}";
            results.Add(i, ToResult(rules[i], root, inventory.IsComplete
                ? CheckOutcome.NotApplicable(reason)
                : CheckOutcome.Inconclusive($"{reason} that could be read, but part of the target was not read ({inventory.FirstNote})")));
            counter.Pairs(1);
        }

        if (inventory.History is { } history && historyRules.Length > 0)
        {
            var job = new HistoryJob(inventory, history, peers, rules, prepared, historyRules, tree, work);
            _histories.Add(await new HistoryPhase(this, _options).RunAsync(job, results, cancellationToken).ConfigureAwait(false));
        }
    }

    private Prepared Prepare(RuleDefinition rule)
    {
        var check = _registry.Find(rule.Check.Kind);
        if (check is null)
        {
            return new Prepared(null, new CheckOutcome(Outcome.Error, $"unknown check kind '{rule.Check.Kind}'", [], ""), CheckScope.Target, []);
        }

        var kinds = rule.Artifacts.Count > 0 ? rule.Artifacts : check.DefaultArtifactKinds;
        try
        {
            return new Prepared(check.Prepare(rule, _options), null, check.Scope, kinds);
        }
        catch (CheckParameterException e)
        {
            return new Prepared(null, new CheckOutcome(Outcome.Error, $"invalid check parameters: {e.Message}", [], ""), check.Scope, kinds);
        }
    }

    /// <summary>
    /// Whether an artifact rule looks at <paramref name="artifact"/>: null when it does not, else the check to run
    /// or the outcome already decided (an unreadable file, a file of a kind the rule does not read).
    /// </summary>
    internal static (IPreparedCheck? Check, CheckOutcome? Decided)? Pair(Prepared prepared, Artifact artifact)
    {
        var check = prepared.Check!;
        if (artifact.IsTargetRoot && artifact.Kind == ArtifactKind.Directory || !check.Selects(artifact))
        {
            return null;
        }

        if (artifact.Kind == ArtifactKind.Unreadable)
        {
            return (null, CheckOutcome.Inconclusive($"the file could not be read: {artifact.Note}"));
        }

        if (prepared.Kinds.Contains(artifact.Kind))
        {
            return (check, null);
        }

        return check.NarrowsByPath && WrongKind(artifact, prepared.Kinds) is { } outcome ? (null, outcome) : null;
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

    internal CheckOutcome Evaluate(
        TargetInventory inventory, IReadOnlyList<TargetInventory> peers, Artifact artifact, IPreparedCheck check, ArtifactScratch scratch, TargetWork work, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            limit.CancelAfter(_options.CheckTimeout);
            return check.Evaluate(new CheckContext(inventory, artifact, _options) { Scratch = scratch, Peers = peers, Target = work }, limit.Token);
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

    internal CheckResult ToResult(RuleDefinition rule, Artifact artifact, CheckOutcome outcome)
    {
        return new CheckResult
        {
            Rule = rule,
            Outcome = outcome.Outcome,
            Artifact = artifact.Path,
            Message = _text.Message(rule, outcome.Outcome),
            Reason = outcome.Reason,
            Evidence = outcome.Evidence,
            EvidenceKey = outcome.EvidenceKey,
        };
    }

    internal static string KindName(TargetKind kind) => kind switch
    {
        TargetKind.Firmware => "firmware",
        TargetKind.Rootfs => "rootfs",
        _ => "repo",
    };

    /// <summary>A rule made ready to run once per audit: its check, or why it cannot run, and what it reads.</summary>
    internal sealed record Prepared(IPreparedCheck? Check, CheckOutcome? Failure, CheckScope Scope, IReadOnlyList<ArtifactKind> Kinds);
}
