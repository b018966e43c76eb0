namespace ComplianceAuditor.Unpacking;

/// <summary>How far a recognised container could be opened.</summary>
public enum ContainerStatus
{
    /// <summary>Every entry was read.</summary>
    Opened,

    /// <summary>Some entries were read, then the structure broke or a limit was hit; the reason says which.</summary>
    Partial,

    /// <summary>Nothing could be read: the structure is malformed from the start.</summary>
    Failed,

    /// <summary>The format was recognised but no reader on this machine can open it; the reason says what would.</summary>
    Unavailable,

    /// <summary>Not opened because the nesting limit was reached.</summary>
    TooDeep,
}
