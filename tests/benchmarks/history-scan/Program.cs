using System.Diagnostics;
using ComplianceAuditor.Repository;
using ComplianceAuditor.Repository.Audit;

// The history scan as the audit runs it (every commit of every branch and tag, added lines and new blobs turned into
// the artifacts the rules read), without the rules: the counterpart of git producing every patch.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: HistoryScanBenchmark REPOSITORY");
    return 2;
}

var clock = Stopwatch.StartNew();
long pieces = 0;
long bytes = 0;
var run = new GitHistorySource(args[0], "repo", new HistoryScanOptions()).Read(a => { pieces++; bytes += a.Size; }, CancellationToken.None);
clock.Stop();
Console.WriteLine($"scan: {clock.Elapsed.TotalSeconds:0.00} s, {run.Commits} commits, {run.Blobs} blobs, {pieces} pieces, {bytes / (1024 * 1024)} MB handed to the rules, {run.Problems.Count} problems");
return run.IsComplete ? 0 : 1;
