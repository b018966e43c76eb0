namespace ComplianceAuditor.Engine;

/// <summary>
/// Counts artifacts done and rule/artifact pairs evaluated, for the progress display. Reports now and then rather
/// than per artifact: each report is queued to the caller's context, and one per artifact queued hundreds of
/// thousands of callbacks on a large tree.
/// </summary>
internal sealed class PairCounter(int artifacts, IProgress<EngineProgress>? progress)
{
    private const int ReportEvery = 256;

    private int _done;
    private long _pairs;

    /// <summary>Pairs decided without an artifact's work (a rule that cannot run, a rule that found nothing).</summary>
    public void Pairs(int count) => Interlocked.Add(ref _pairs, count);

    public void ArtifactDone(int pairs)
    {
        var pairsSoFar = Interlocked.Add(ref _pairs, pairs);
        var done = Interlocked.Increment(ref _done);
        if (done % ReportEvery == 0)
        {
            progress?.Report(new EngineProgress(done, artifacts, pairsSoFar));
        }
    }

    public void ReportFinal() => progress?.Report(new EngineProgress(Volatile.Read(ref _done), artifacts, Interlocked.Read(ref _pairs)));
}
