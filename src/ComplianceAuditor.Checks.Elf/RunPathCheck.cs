using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// <c>elf-rpath</c>: library search paths baked into the file (DT_RPATH, DT_RUNPATH) must not let someone else
/// choose the libraries it loads: no relative entries (resolved against the current directory), no empty ones, and
/// none in world-writable places. Absolute system paths and <c>$ORIGIN</c>-relative ones are fine.
/// </summary>
public sealed class RunPathCheck : ElfCheck
{
    private static readonly string[] WritableRoots = ["/tmp", "/var/tmp", "/dev/shm", "/run/shm", "/mnt", "/media", "/home"];

    public override string Kind => "elf-rpath";

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["dynamic section"];

    protected override string? NotApplicableReason(ElfFile file) =>
        StandardNotApplicable(file) ?? (file.Dynamic.Count == 0 ? "not dynamically linked, so no library search path applies" : null);

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        var entries = file.RPath.Select(p => (Tag: "RPATH", Path: p)).Concat(file.RunPath.Select(p => (Tag: "RUNPATH", Path: p))).ToArray();
        if (entries.Length == 0)
        {
            return CheckOutcome.Pass("no RPATH or RUNPATH");
        }

        var bad = entries.Select(e => (e.Tag, e.Path, Problem: Problem(e.Path))).Where(e => e.Problem is not null).ToArray();
        var evidence = entries.Select(e => ElfEvidence.Fact($"a {e.Tag} entry", $"{e.Tag} {(e.Path.Length == 0 ? "(empty)" : e.Path)}")).ToArray();
        if (bad.Length == 0)
        {
            return CheckOutcome.Pass($"search paths are absolute or $ORIGIN-relative: {string.Join(":", entries.Select(e => e.Path))}", evidence);
        }

        var reason = string.Join("; ", bad.Select(b => $"{b.Tag} '{b.Path}' {b.Problem}"));
        return CheckOutcome.Fail(reason, evidence, string.Join('\n', bad.Select(b => $"{b.Tag}={b.Path}")));
    }

    private static string? Problem(string path)
    {
        if (path.Length == 0 || path == ".")
        {
            return "means the current directory";
        }

        if (path.StartsWith("$ORIGIN", StringComparison.Ordinal) || path.StartsWith("${ORIGIN}", StringComparison.Ordinal))
        {
            return null;
        }

        if (!path.StartsWith('/'))
        {
            return "is relative, so it is resolved against whatever the current directory is";
        }

        return WritableRoots.Any(root => path == root || path.StartsWith(root + "/", StringComparison.Ordinal))
            ? "is in a location other users or removable media can write"
            : null;
    }
}
