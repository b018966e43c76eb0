namespace ComplianceAuditor.Reporting.Model;

/// <summary>One provision's verdict with its reasons and the fingerprints of the results behind it.</summary>
public sealed record ProvisionEntry
{
    public required string Id { get; init; }

    public string? Section { get; init; }

    public string? SectionTitle { get; init; }

    public required string Title { get; init; }

    /// <summary><c>mandatory</c> or <c>recommended</c>.</summary>
    public required string Status { get; init; }

    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>Any of <c>automated</c>, <c>declaration</c>, <c>lab</c>.</summary>
    public required IReadOnlyList<string> Assessment { get; init; }

    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>The question a declaration answers, when it can settle the provision.</summary>
    public string? Question { get; init; }

    /// <summary>The scheme's conformance test cases (ETSI TS 103 701 ids).</summary>
    public IReadOnlyList<string> TestCases { get; init; } = [];

    public string? Note { get; init; }

    /// <summary><c>pass</c>, <c>fail</c>, <c>notApplicable</c>, <c>inconclusive</c> or <c>notAssessed</c>.</summary>
    public required string Verdict { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>What the verdict rests on: any of <c>evidence</c>, <c>declaration</c>, <c>derived</c>, <c>condition</c>.</summary>
    public IReadOnlyList<string> Basis { get; init; } = [];

    /// <summary>Where the evidence contradicts the declaration.</summary>
    public IReadOnlyList<string> Conflicts { get; init; } = [];

    public IReadOnlyList<DerivedEntry> Derived { get; init; } = [];

    public AnswerEntry? Answer { get; init; }

    /// <summary>The declared facts that decided its conditions.</summary>
    public IReadOnlyList<FactEntry> Facts { get; init; } = [];

    /// <summary>Linked failures accepted by a waiver in force.</summary>
    public int Waived { get; init; }

    /// <summary>Fingerprints of the linked results (see <see cref="ResultEntry.Fingerprint"/>).</summary>
    public required IReadOnlyList<string> Results { get; init; }
}
