namespace ComplianceAuditor.Core.Model;

/// <summary>
/// What a repository target's git metadata says, beyond its files: its tags and whether its history is complete.
/// Read once per target, before the rules run.
/// </summary>
/// <param name="Tags">Every tag, in name order.</param>
/// <param name="Shallow">True for a shallow clone: history before its graft commits is missing.</param>
/// <param name="Problem">Why the metadata could not be read, or null.</param>
public sealed record RepositoryFacts(IReadOnlyList<TagFact> Tags, bool Shallow, string? Problem);

/// <summary>One tag of a repository.</summary>
/// <param name="Name">The tag name without <c>refs/tags/</c>.</param>
/// <param name="Commit">The commit it points at (peeled), full hex; empty when it points at no commit.</param>
/// <param name="Annotated">True for a tag object (<c>git tag -a</c>); false for a lightweight tag, which cannot be signed.</param>
/// <param name="Signature">The kind of signature block the tag object carries (<c>OpenPGP</c>, <c>SSH</c>, <c>X.509</c>), or null.</param>
public sealed record TagFact(string Name, string Commit, bool Annotated, string? Signature);
