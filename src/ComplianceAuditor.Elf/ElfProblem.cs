namespace ComplianceAuditor.Elf;

/// <summary>
/// A defect in one part of an otherwise readable file (a section table past the end, a string offset out of range).
/// The part is skipped and the rest is still read, as readelf does, so a check that does not need that part can
/// still decide and one that does can say exactly why it cannot.
/// </summary>
/// <param name="Part">Which part: <c>program headers</c>, <c>section headers</c>, <c>dynamic section</c>, <c>symbols</c>, <c>notes</c>...</param>
public sealed record ElfProblem(string Part, string Message)
{
    public override string ToString() => $"{Part}: {Message}";
}
