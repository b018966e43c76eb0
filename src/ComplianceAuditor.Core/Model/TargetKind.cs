namespace ComplianceAuditor.Core.Model;

/// <summary>What a user passed on the command line.</summary>
public enum TargetKind
{
    /// <summary>A firmware file: an image, a container or a single binary.</summary>
    Firmware,

    /// <summary>An unpacked root file system (a directory).</summary>
    Rootfs,

    /// <summary>A source repository (its working tree for now).</summary>
    Repo,
}
