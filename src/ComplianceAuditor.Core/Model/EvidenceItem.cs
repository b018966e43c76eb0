namespace ComplianceAuditor.Core.Model;

/// <summary>
/// One piece of evidence behind a result. All members are optional; a check fills those that locate and
/// explain what it saw (a text excerpt and line, a byte offset, a symbol, a commit).
/// </summary>
public sealed record EvidenceItem
{
    /// <summary>A short label for the kind of evidence: <c>text</c>, <c>bytes</c>, <c>file</c>, <c>symbol</c>, <c>structure</c> (a segment, section or dynamic tag), <c>commit</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>One sentence that says what this item shows.</summary>
    public string? Description { get; init; }

    /// <summary>The virtual path of the artifact the evidence sits in, when it differs from the result's artifact.</summary>
    public string? Path { get; init; }

    /// <summary>A text excerpt (already sanitised of control characters by the check).</summary>
    public string? Excerpt { get; init; }

    /// <summary>1-based line of the excerpt in a text file.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column of the excerpt in a text file.</summary>
    public int? Column { get; init; }

    /// <summary>Byte offset in the artifact.</summary>
    public long? ByteOffset { get; init; }

    /// <summary>Length in bytes of what was matched at <see cref="ByteOffset"/>.</summary>
    public int? ByteLength { get; init; }

    public string? Symbol { get; init; }

    public string? Commit { get; init; }
}
