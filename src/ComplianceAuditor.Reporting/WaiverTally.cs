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

    public void Count(WaiverMatch? match)
    {
        if (match is null)
        {
            return;
        }

        _used.Add(match.Waiver);
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
