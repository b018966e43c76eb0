using ComplianceAuditor.Core.Waivers;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Scoring;

namespace ComplianceAuditor.Reporting;

/// <summary>What the waivers did in one walk of the results: applied, expired, and the waivers that named nothing.</summary>
internal sealed class WaiverTally
{
    private readonly HashSet<Waiver> _used = [];

    public int Applied { get; private set; }

    public int Expired { get; private set; }

    /// <param name="naming">Every waiver that names the failure: a renewed waiver does not leave the expired one "unused".</param>
    public void Count(WaiverMatch? match, IEnumerable<Waiver> naming)
    {
        _used.UnionWith(naming);
        if (match is null)
        {
            return;
        }

        if (match.Applies)
        {
            Applied++;
        }
        else
        {
            Expired++;
        }
    }

    public WaiversEntry ToEntry(WaiverFile file) => new()
    {
        Source = file.Source,
        Sha256 = file.Sha256,
        Waivers = file.Waivers.Count,
        Applied = Applied,
        Expired = Expired,
        Unused = file.Waivers.Where(w => !_used.Contains(w)).Select(w => $"{w.Location}: {w.Describe()}").ToArray(),
    };
}
