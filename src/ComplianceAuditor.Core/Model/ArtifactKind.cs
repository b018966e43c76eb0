namespace ComplianceAuditor.Core.Model;

/// <summary>What an artifact is, detected from its content rather than its name.</summary>
public enum ArtifactKind
{
    /// <summary>A directory given as a target (a root file system or a repository working tree), or one inside a container.</summary>
    Directory,

    /// <summary>A file whose bytes look like text.</summary>
    Text,

    /// <summary>An ELF object (executable, shared library, module...).</summary>
    Elf,

    /// <summary>Any other file with binary content.</summary>
    Binary,

    /// <summary>A symbolic link; recorded, never followed.</summary>
    Symlink,

    /// <summary>A device node, FIFO or socket; recorded, never opened.</summary>
    Special,

    /// <summary>A file that could not be read; the artifact's note says why.</summary>
    Unreadable,
}
