using ComplianceAuditor.Elf;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Elf;

/// <summary><c>elf-wx-segment</c>: no loadable segment is both writable and executable.</summary>
public sealed class WritableExecutableSegmentCheck : ElfCheck
{
    public override string Kind => "elf-wx-segment";

    protected override IReadOnlyCollection<string> RequiredParts { get; } = ["program headers"];

    protected override CheckOutcome Evaluate(ElfFile file, CheckContext context, object? configuration)
    {
        var both = file.Segments.Where(s => s.Type == ElfSegment.PtLoad && s.IsWritable && s.IsExecutable).ToArray();
        return both.Length == 0
            ? CheckOutcome.Pass("no loadable segment is both writable and executable")
            : CheckOutcome.Fail(
                $"{both.Length} loadable segment(s) are writable and executable, so injected data can run as code",
                both.Select(s => ElfEvidence.Segment(file, s, "a writable and executable LOAD segment")).ToArray(),
                string.Join(',', both.Select(s => s.Index)));
    }
}
