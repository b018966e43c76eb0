using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Core.Waivers;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// Matches failing results against a waivers file as of the audit date. Fingerprints are exact; rule waivers may name
/// an artifact glob over the whole virtual path (<c>**</c> crosses folders and containers). The first waiver in force
/// that names a result applies; when every waiver naming it has expired, the first of those is reported, so the
/// reader sees why a finding is back.
/// </summary>
public sealed class AppliedWaivers
{
    private readonly (Waiver Waiver, PathGlob? Glob)[] _waivers;
    private readonly DateOnly _auditDate;

    public AppliedWaivers(WaiverFile file, DateOnly auditDate)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        _auditDate = auditDate;
        _waivers = file.Waivers.Select(w => (w, w.Artifact is { } a ? new PathGlob("/" + a.TrimStart('/')) : null)).ToArray();
    }

    public static AppliedWaivers None { get; } = new(WaiverFile.None, DateOnly.MinValue);

    public WaiverFile File { get; }

    public WaiverMatch? Match(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome != Outcome.Fail || _waivers.Length == 0)
        {
            return null;
        }

        WaiverMatch? expired = null;
        foreach (var (waiver, glob) in _waivers)
        {
            if (!Names(waiver, glob, result))
            {
                continue;
            }

            if (_auditDate <= waiver.Expires)
            {
                return new WaiverMatch(waiver, Expired: false);
            }

            expired ??= new WaiverMatch(waiver, Expired: true);
        }

        return expired;
    }

    /// <summary>Every waiver that names the failing result, in force or not (for telling which waivers were used).</summary>
    public IEnumerable<Waiver> Naming(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome != Outcome.Fail ? [] : _waivers.Where(w => Names(w.Waiver, w.Glob, result)).Select(w => w.Waiver);
    }

    /// <summary>True when the result is a failure a waiver in force accepts.</summary>
    public bool Waives(CheckResult result) => Match(result)?.Applies == true;

    private static bool Names(Waiver waiver, PathGlob? glob, CheckResult result) =>
        waiver.Fingerprint is { } fingerprint
            ? string.Equals(fingerprint, result.Fingerprint, StringComparison.Ordinal)
            : string.Equals(waiver.Rule, result.RuleId, StringComparison.Ordinal) && (glob is null || glob.IsMatch(result.Artifact));
}
