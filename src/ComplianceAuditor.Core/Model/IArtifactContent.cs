namespace ComplianceAuditor.Core.Model;

/// <summary>Read access to an artifact's bytes, wherever they live (a file on disk, an extracted copy, memory).</summary>
public interface IArtifactContent
{
    /// <summary>Opens a new read-only stream positioned at the artifact's first byte.</summary>
    Stream OpenRead();

    /// <summary>The file that holds exactly these bytes, when there is one, so parsers can map it instead of copying it.</summary>
    string? LocalPath => null;
}
