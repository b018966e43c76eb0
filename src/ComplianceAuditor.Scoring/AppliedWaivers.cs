using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Core.Waivers;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// Matches failing results against a waivers file as of the audit date. Fingerprints are exact; rule waivers may name
/// an artifact glob (<c>**</c> crosses folders and containers). The first waiver in file order that names a result
/// is the one reported, an expired one included, so the reader sees why a finding is back.
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
            var named = waiver.Fingerprint is { } fingerprint
                ? string.Equals(fingerprint, result.Fingerprint, StringComparison.Ordinal)
                : string.Equals(waiver.Rule, result.RuleId, StringComparison.Ordinal) && (glob is null || glob.IsMatch(result.Artifact));
            if (!named)
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

    /// <summary>True when the result is a failure a waiver in force accepts.</summary>
    public bool Waives(CheckResult result) => Match(result)?.Applies == true;
}
