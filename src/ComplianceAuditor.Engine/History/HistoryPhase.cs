using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine.Results;

namespace ComplianceAuditor.Engine.History;

/// <summary>
/// Runs the rules that ask for history (<c>appliesTo.history</c>) over what a target's history added. The history is
/// read on its own thread and checked on the others while it is read, with a bounded read-ahead, so memory does not
/// grow with the size of the history. Per piece only what is not a pass is recorded (a history has tens of thousands
/// of pieces); each rule gets one more result on the history as a whole, saying what was read and, when part of it
/// could not be read, that the rule's verdict on the history is inconclusive.
/// </summary>
internal sealed class HistoryPhase(AuditEngine engine, EngineOptions options)
{
    /// <summary>Content read ahead of the checks, at most (one larger piece goes alone).</summary>
    private const long ReadAheadBytes = 64L * 1024 * 1024;

    private const int ReadAheadItems = 256;

    public async Task<TargetHistory> RunAsync(
        HistoryJob job,
        CompactResults.Builder results,
        CancellationToken cancellationToken)
    {
        var inventory = job.Inventory;
        var target = inventory.Target.Name;
        var pairs = new int[job.Rules.Count];
        var folded = new int[job.Rules.Count];
        var recorded = new RecordedResults(job.Rules.Count);
        var listed = new ConcurrentDictionary<string, Artifact>(StringComparer.Ordinal);

        var run = await ReadAndCheckAsync(job, (artifact, ct) =>
        {
            using var scratch = new ArtifactScratch();
            foreach (var i in job.HistoryRules)
            {
                if (AuditEngine.Pair(job.Prepared[i], artifact) is not { } pair)
                {
                    continue;
                }

                Interlocked.Increment(ref pairs[i]);
                var outcome = pair.Decided ?? engine.Evaluate(inventory, job.Peers, artifact, pair.Check!, scratch, job.Work, ct);
                if (outcome.Outcome is Outcome.Pass or Outcome.NotApplicable)
                {
                    continue;
                }

                if (outcome.Outcome == Outcome.Fail && job.Tree.Covers(i, outcome.EvidenceKey))
                {
                    Interlocked.Increment(ref folded[i]);
                    continue;
                }

                if (recorded.Add(i, engine.ToResult(job.Rules[i], artifact, WithCommit(outcome, artifact.History!))))
                {
                    listed.TryAdd(artifact.Path, artifact with { Content = null });
                }
            }
        }, cancellationToken).ConfigureAwait(false);

        var root = new Artifact
        {
            Path = target + "@history",
            Target = target,
            RelativePath = "",
            Parent = inventory.Root.Path,
            Kind = ArtifactKind.Directory,
            ExtractedBy = "git history",
            Note = string.Create(CultureInfo.InvariantCulture, $"{job.Source.Scope}: {run.Commits} commit(s), {run.Blobs} distinct blob(s) read"),
        };

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rule, result) in recorded.InOrder())
        {
            results.Add(rule, result);
            named.Add(result.Artifact);
        }

        foreach (var i in job.HistoryRules)
        {
            if (Summary(job, i, run, pairs[i], folded[i], recorded.Failures(i), recorded.Undecided(i), recorded.Dropped(i)) is { } summary)
            {
                // One key whatever the outcome, so the summary keeps its fingerprint when its verdict changes.
                results.Add(i, engine.ToResult(job.Rules[i], root, summary with { EvidenceKey = "history" }));
            }
        }

        // An artifact whose result was pushed out past the bound is not listed either.
        return new TargetHistory(target, job.Source.Scope, root, [.. listed.Values.Where(a => named.Contains(a.Path)).OrderBy(a => a.Path, StringComparer.Ordinal)], run);
    }

    /// <summary>
    /// Reads the history on a thread of its own and checks the pieces on the others as they come. A reader that fails
    /// for a reason of its own ends the history with a problem named, not the audit: what was checked so far stands.
    /// </summary>
    private async Task<HistoryRun> ReadAndCheckAsync(HistoryJob job, Action<Artifact, CancellationToken> check, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<Artifact>(new BoundedChannelOptions(ReadAheadItems) { SingleWriter = true });
        var budget = new ByteBudget(ReadAheadBytes);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                return job.Source.Read(artifact =>
                {
                    budget.Take(artifact.Size, stop.Token);
                    channel.Writer.WriteAsync(artifact, stop.Token).AsTask().GetAwaiter().GetResult();
                }, stop.Token);
            }
#pragma warning disable CA1031 // A defect in reading one repository must not end the audit of everything else.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                return new HistoryRun(0, 0, [$"reading the history stopped: {e.GetType().Name}: {e.Message}"], []);
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await Parallel.ForEachAsync(
                channel.Reader.ReadAllAsync(stop.Token),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = stop.Token },
                (artifact, ct) =>
                {
                    try
                    {
                        check(artifact, ct);
                    }
                    finally
                    {
                        budget.Give(artifact.Size);
                    }

                    return ValueTask.CompletedTask;
                }).ConfigureAwait(false);
        }
        catch
        {
            // The reader may be waiting for room that will never come; stop it and wait, so no work outlives the audit.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await reader.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Expected: it was just told to stop.
            }

            throw;
        }

        return await reader.ConfigureAwait(false);
    }

    /// <summary>The rule's result on the history as a whole, or null when its failures say all there is to say.</summary>
    private static CheckOutcome? Summary(HistoryJob job, int rule, HistoryRun run, int pairs, int folded, int failures, int undecided, int dropped)
    {
        var read = string.Create(CultureInfo.InvariantCulture, $"{run.Commits} commit(s) and {run.Blobs} blob(s) of history ({job.Source.Scope})");
        var stillThere = folded == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"; {folded} match(es) in the history are still in the files of the tree and are reported there");
        if (!run.IsComplete)
        {
            var more = run.Problems.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {run.Problems.Count - 1} more)") : "";
            return CheckOutcome.Inconclusive($"part of the history could not be read, so what it holds was not checked: {run.Problems[0]}{more}; {read} were read{stillThere}");
        }

        if (dropped > 0)
        {
            return CheckOutcome.Fail(
                string.Create(CultureInfo.InvariantCulture,
                    $"{failures + undecided} result(s) in {read}; the first {RecordedResults.MaxPerRule} in report order are listed and {dropped} more are not"),
                [], "history");
        }

        if (failures > 0)
        {
            return null;
        }

        if (undecided > 0)
        {
            return CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture,
                $"{undecided} of {pairs} piece(s) added by {read} could not be decided (each has its own result saying why), and nothing was found in the others{stillThere}"));
        }

        if (pairs == 0)
        {
            var kinds = string.Join(" or ", job.Prepared[rule].Kinds.Select(k => k.ToString().ToLowerInvariant()));
            return CheckOutcome.NotApplicable($"the history added no {kinds} file among {job.Prepared[rule].Check!.DescribeSelection()}; {read} were read");
        }

        return CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture, $"nothing found in {pairs} piece(s) added by {read}{stillThere}"));
    }

    /// <summary>A failure on a history artifact carries the commit that added it, on every piece of evidence.</summary>
    private static CheckOutcome WithCommit(CheckOutcome outcome, ArtifactHistory history)
    {
        var evidence = outcome.Evidence.Select(e => e with { Commit = history.Commit }).ToList();
        evidence.Add(new EvidenceItem
        {
            Kind = "commit",
            Description = $"{history.Describe()} (blob {history.Blob})",
            Commit = history.Commit,
        });
        var reason = outcome.Reason is null ? history.Describe() : $"{outcome.Reason}; {history.Describe()}";
        return outcome with { Reason = reason, Evidence = evidence };
    }
}
