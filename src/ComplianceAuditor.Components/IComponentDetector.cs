using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Components;

/// <summary>
/// Finds components in one artifact. A detector looks at the artifact's path and kind first (<see cref="Wants"/>), so
/// most artifacts are never opened, and reads only a bounded part of what it opens. It may throw: the extraction turns
/// any failure into a note and goes on with the other detectors.
/// </summary>
internal interface IComponentDetector
{
    /// <summary>A short name recorded with every component it finds (<c>opkg-status</c>).</summary>
    string Name { get; }

    bool Wants(Artifact artifact);

    /// <summary>
    /// The components in the artifact. What the detector could not fully read (a package list cut at its size limit)
    /// goes into <paramref name="notes"/>, which reach the report: a partial list must not pass for a complete one.
    /// </summary>
    IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken);
}
