using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Engine.Results;

/// <summary>
/// Takes each artifact's results from the parallel workers, in whatever order they finish, and hands them to the
/// packed list in artifact order, which is the report order the list keeps. Only artifacts finished ahead of a slower
/// one wait here as objects; past <see cref="MaxWaiting"/> of them a worker waits for the slow one rather than let
/// them pile up (one file may take the whole time limit of each of its rules).
/// </summary>
internal sealed class ResultSequencer(CompactResults.Builder results)
{
    private const int MaxWaiting = 1024;

    private readonly object _gate = new();
    private readonly Dictionary<int, (int Rule, CheckResult Result)[]> _waiting = [];
    private int _next;
    private bool _abandoned;

    /// <summary>Artifact <paramref name="index"/> is done; <paramref name="found"/> holds its results, if any.</summary>
    public void Done(int index, (int Rule, CheckResult Result)[]? found)
    {
        lock (_gate)
        {
            // Artifacts are handed out in order, so the one at _next is already being worked on and never waits here.
            while (index - _next > MaxWaiting && !_abandoned)
            {
                Monitor.Wait(_gate);
            }

            if (_abandoned)
            {
                return;
            }

            if (index != _next)
            {
                _waiting.Add(index, found ?? []);
                return;
            }

            Write(found);
            _next++;
            while (_waiting.Remove(_next, out var waiting))
            {
                Write(waiting);
                _next++;
            }

            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// A worker failed (or the audit was cancelled): the artifact it had will never be done, so nobody may wait for
    /// it. The results are not used after this.
    /// </summary>
    public void Abandon()
    {
        lock (_gate)
        {
            _abandoned = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Write((int Rule, CheckResult Result)[]? found)
    {
        foreach (var (rule, result) in found ?? [])
        {
            results.Add(rule, result);
        }
    }
}
