using ComplianceAuditor.Components.Detectors;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Components;

/// <summary>
/// Finds the software in the audited targets: every artifact of every inventory is offered to each registered detector,
/// and the sightings are merged into the report's components. It runs while the extracted files still exist (before the
/// audit's work folder is deleted). A detector that fails on an artifact leaves a note; it never stops the audit.
/// </summary>
public static class ComponentExtraction
{
    /// <summary>At most this many notes are kept; a hostile image could otherwise fail a detector on every file.</summary>
    private const int MaxNotes = 50;

    public static ComponentExtractionResult Run(IReadOnlyList<TargetInventory> inventories, CancellationToken cancellationToken) =>
        Run(inventories, ComponentDetectors.All, cancellationToken);

    internal static ComponentExtractionResult Run(IReadOnlyList<TargetInventory> inventories, IReadOnlyList<IComponentDetector> detectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventories);
        var sightings = new List<Sighting>();
        var notes = new List<string>();
        var noted = 0;
        foreach (var inventory in inventories)
        {
            sightings.Add(new Sighting(Input(inventory.Target), ComponentMerger.InputDetector));
            foreach (var artifact in inventory.Artifacts)
            {
                foreach (var detector in detectors)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var note in TryDetect(detector, artifact, sightings, cancellationToken))
                    {
                        if (++noted <= MaxNotes)
                        {
                            notes.Add(note);
                        }
                    }
                }
            }
        }

        if (noted > MaxNotes)
        {
            notes.Add($"{noted - MaxNotes} more detector note(s) not listed");
        }

        return new ComponentExtractionResult(ComponentMerger.Merge(sightings), notes);
    }

    /// <summary>
    /// Runs one detector on one artifact; returns its notes, or a note instead of throwing when it fails. Notes carry
    /// text from firmware (paths), so they are sanitised here, once for every detector.
    /// </summary>
    private static string[] TryDetect(IComponentDetector detector, Artifact artifact, List<Sighting> sightings, CancellationToken cancellationToken)
    {
        var found = new List<Sighting>();
        var notes = new List<string>();
        try
        {
            if (!detector.Wants(artifact))
            {
                return [];
            }

            found.AddRange(detector.Detect(artifact, notes, cancellationToken).Select(f => new Sighting(f, detector.Name)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A detector reads hostile bytes; whatever it throws must become a note, not end the audit.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // What a half-finished detector yielded (and noted) before failing is dropped: it may be wrong.
            return [$"detector {detector.Name} could not read {DisplayText.Sanitize(artifact.Path, 300)}: {DisplayText.Sanitize(e.Message, 200)}"];
        }

        sightings.AddRange(found);
        return notes.Select(n => $"detector {detector.Name}: {DisplayText.Sanitize(n, 600)}").ToArray();
    }

    /// <summary>The target itself: the top of the dependency tree, identified by its hash where it is one file.</summary>
    private static FoundComponent Input(AuditTarget target) => new()
    {
        Type = target.Kind == TargetKind.Repo ? "application" : "firmware",
        Name = target.Name,
        IsWholeArtifact = true,
        Path = target.Name,
        Sha256 = target.Kind == TargetKind.Firmware && target.Sha256.Length > 0 ? target.Sha256 : null,
        Technique = "other",
        Evidence = "the audited input",
        Confidence = 1.0,
    };
}

/// <summary>The components found, merged and sorted, and what could not be read.</summary>
public sealed record ComponentExtractionResult(IReadOnlyList<ComponentEntry> Components, IReadOnlyList<string> Notes);

/// <summary>One detector's sighting of a component.</summary>
internal sealed record Sighting(FoundComponent Found, string Detector);
