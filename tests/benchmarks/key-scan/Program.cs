using System.Diagnostics;
using System.Globalization;
using ComplianceAuditor.Checks.Secrets.Embedded;
using ComplianceAuditor.Credentials.Dictionary;
using ComplianceAuditor.KeyMaterial;
using ComplianceAuditor.KeyMaterial.Scanning;

// Reads every regular file under a directory into memory (timed apart), then times, on one thread:
// 1) the candidate scan alone, 2) scan + validation (KeyMaterialFinder), and prints MB/s and counts.
// Usage: KeyScanBenchmark DIR [--max-mb N] [--list]
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: KeyScanBenchmark DIR [--max-mb N] [--list]");
    return 2;
}

var root = args[0];
var maxBytes = args.Contains("--max-mb") ? long.Parse(args[Array.IndexOf(args, "--max-mb") + 1], CultureInfo.InvariantCulture) << 20 : long.MaxValue;
var list = args.Contains("--list");

var read = Stopwatch.StartNew();
var files = new List<(string Path, byte[] Bytes)>();
long total = 0;
var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
foreach (var path in Directory.EnumerateFiles(root, "*", walk).Order(StringComparer.Ordinal))
{
    try
    {
        var info = new FileInfo(path);
        if (info.Length == 0 || total + info.Length > maxBytes || info.Length > int.MaxValue / 2)
        {
            continue;
        }

        files.Add((path, File.ReadAllBytes(path)));
        total += info.Length;
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        // Sockets, unreadable files: not part of the measurement.
    }
}

read.Stop();
var megabytes = total / 1048576.0;
Print($"files: {files.Count}, {megabytes:F1} MB read in {read.Elapsed.TotalSeconds:F2} s (I/O, not in the figures below)");

// Warm-up: JIT and tiering, on a slice, so the timed runs measure steady state.
var scratch = new List<KeyCandidate>();
foreach (var (_, bytes) in files.Take(200))
{
    scratch.Clear();
    KeyCandidateScanner.Scan(bytes, 0, scratch);
    KeyMaterialFinder.Find(bytes);
}

var best = double.MaxValue;
long candidates = 0;
var limitHits = 0;
for (var run = 0; run < 3; run++)
{
    candidates = 0;
    limitHits = 0;
    var scan = Stopwatch.StartNew();
    foreach (var (_, bytes) in files)
    {
        scratch.Clear();
        var summary = KeyCandidateScanner.Scan(bytes, 0, scratch);
        candidates += summary.CandidatesAdded;
        limitHits += summary.LimitReached ? 1 : 0;
    }

    best = Math.Min(best, scan.Elapsed.TotalSeconds);
}

// The default-login search (CMP2015): tokens of every file looked up among the dictionary's distinctive passwords,
// then the user name searched for around each hit. Also a byte scan before any validation, so the same target holds.
var loginBest = double.MaxValue;
long logins = 0;
for (var run = 0; run < 3; run++)
{
    logins = 0;
    var watch = Stopwatch.StartNew();
    foreach (var (_, bytes) in files)
    {
        var hits = new Dictionary<DefaultCredential, Hit>();
        DefaultLoginSearch.Search(bytes, 0, bytes.Length, 0, CredentialPairs.BuiltIn, hits);
        logins += hits.Count;
    }

    loginBest = Math.Min(loginBest, watch.Elapsed.TotalSeconds);
}

var full = Stopwatch.StartNew();
var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
long confirmed = 0;
long rejected = 0;
foreach (var (path, bytes) in files)
{
    var findings = KeyMaterialFinder.Find(bytes);
    confirmed += findings.Items.Count;
    rejected += findings.Rejected.Count;
    foreach (var item in findings.Items)
    {
        var key = item.Kind + " " + item.Algorithm;
        kinds[key] = kinds.GetValueOrDefault(key) + 1;
        if (list)
        {
            Print($"{path}@{item.Offset}: {item.Kind} {item.Algorithm} {item.Bits} {item.Curve} {item.Format} {item.SpkiSha256} {item.Note}");
        }
    }
}

full.Stop();
var seconds = full.Elapsed.TotalSeconds;
Print($"scan only:         {megabytes / best,8:F0} MB/s per core (best of 3, {best:F2} s), {candidates} candidates, {limitHits} at limit");
Print($"scan + validation: {megabytes / seconds,8:F0} MB/s per core ({seconds:F2} s), {confirmed} confirmed, {rejected} rejected");
Print($"default logins:    {megabytes / loginBest,8:F0} MB/s per core (best of 3, {loginBest:F2} s), {logins} found");
foreach (var (kind, count) in kinds)
{
    Console.WriteLine($"  {kind}: {count}");
}

return 0;

static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
