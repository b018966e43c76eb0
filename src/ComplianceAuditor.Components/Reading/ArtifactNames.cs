using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Components.Reading;

/// <summary>Path tests the detectors share.</summary>
internal static class ArtifactNames
{
    /// <summary>The last segment of the artifact's path (after the last '/' or '!/').</summary>
    public static string FileName(Artifact artifact)
    {
        var path = artifact.Path;
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>True for a regular file at one of <paramref name="paths"/>, relative to its target or container.</summary>
    public static bool IsFileAt(Artifact artifact, params ReadOnlySpan<string> paths)
    {
        if (artifact.Kind is not (ArtifactKind.Text or ArtifactKind.Binary) || artifact.Content is null)
        {
            return false;
        }

        foreach (var path in paths)
        {
            if (string.Equals(artifact.RelativePath, path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for programs, libraries and raw images worth searching for version strings. A container that was opened is
    /// skipped: its files are searched one by one, and searching the whole too would only repeat them.
    /// </summary>
    public static bool IsScannable(Artifact artifact) =>
        artifact.Kind is ArtifactKind.Elf or ArtifactKind.Binary
        && artifact.Content is not null
        && artifact.Container?.Status is not ("opened" or "partial");
}
