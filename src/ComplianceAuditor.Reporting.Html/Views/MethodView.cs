using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Html.Views;

/// <summary>
/// Method and limits: what was read, what was opened and what could not be, and which provisions nothing here could
/// assess, so a reader knows how far the verdicts reach.
/// </summary>
public sealed class MethodView
{
    public MethodView(AuditReport report, IReadOnlyList<SchemeView> schemes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(schemes);
        Containers = report.Artifacts.Where(a => a.Container is not null).ToArray();
        NotOpened = Containers.Where(a => a.Container!.Status != "opened").ToArray();
        Unreadable = report.Artifacts.Where(a => a.Kind == "unreadable").ToArray();
        Extractors = report.Artifacts
            .Where(a => a.ExtractedBy is not null)
            .GroupBy(a => a.ExtractedBy!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CountView(g.Key, g.Key, g.Count()))
            .ToArray();
        NotJudged = schemes.Where(s => s.NotAssessed.Count > 0).ToArray();
    }

    /// <summary>Images, archives and file systems found, with what opening each gave.</summary>
    public IReadOnlyList<ArtifactEntry> Containers { get; }

    /// <summary>Containers that were not opened completely (partial, failed, unavailable, too deep).</summary>
    public IReadOnlyList<ArtifactEntry> NotOpened { get; }

    public IReadOnlyList<ArtifactEntry> Unreadable { get; }

    /// <summary>Artifacts by what extracted them, in ordinal order of the extractor's name.</summary>
    public IReadOnlyList<CountView> Extractors { get; }

    /// <summary>Schemes with provisions left to a lab or a declaration.</summary>
    public IReadOnlyList<SchemeView> NotJudged { get; }
}
