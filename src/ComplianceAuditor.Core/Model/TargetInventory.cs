namespace ComplianceAuditor.Core.Model;

/// <summary>A target and every artifact found in it, the target's own root artifact first.</summary>
public sealed record TargetInventory(AuditTarget Target, IReadOnlyList<Artifact> Artifacts)
{
    public Artifact Root => Artifacts[0];

    /// <summary>Things the inventory could not do (limits hit, unreadable folders), for the report's method section.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// False when part of the target was not listed (a limit was hit, a folder could not be read). Checks that decide
    /// from the absence of a file must then be inconclusive rather than pass.
    /// </summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>
    /// False when part of the target's own tree was not listed. Unlike <see cref="IsComplete"/>, a container inside the
    /// tree that could not be opened does not clear it: checks that look only at the tree's own files (a repository's
    /// SECURITY.md, its build files) decide from absence when this is true.
    /// </summary>
    public bool TreeComplete { get; init; } = true;

    /// <summary>
    /// The target's history (a repository's past commits), read by the rules that ask for it; null when the target has
    /// none or history reading is switched off.
    /// </summary>
    public IHistorySource? History { get; init; }

    /// <summary>A repository target's git metadata (tags, shallow clone); null for other targets.</summary>
    public RepositoryFacts? Repository { get; init; }

    /// <summary>The first note, which says why the inventory is incomplete.</summary>
    public string FirstNote => Notes.Count > 0 ? Notes[0] : "no reason recorded";
}
