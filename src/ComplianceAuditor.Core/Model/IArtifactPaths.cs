namespace ComplianceAuditor.Core.Model;

/// <summary>
/// A list of artifacts that can give one's relative path without making the whole artifact: rules that search a
/// whole target by path (is there a SECURITY.md, a gdbserver?) read every artifact, and only a few are wanted.
/// </summary>
public interface IArtifactPaths : IReadOnlyList<Artifact>
{
    string RelativePathAt(int index);
}
