using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Scoring;

namespace ComplianceAuditor.Reporting;

/// <summary>A scheme's assessment as the report states it: rating, counts, and every provision with what it rests on.</summary>
internal static class SchemeEntries
{
    public static SchemeEntry ToEntry(SchemeAssessment s) => new()
    {
        Id = s.Scheme.Id,
        Title = s.Scheme.Title,
        ShortTitle = s.Scheme.ShortTitle,
        Version = s.Scheme.Version,
        Kind = Names.Of(s.Scheme.Kind),
        Url = s.Scheme.Url,
        Description = s.Scheme.Description,
        RatingNote = s.Scheme.Rating.Note,
        Rating = new RatingEntry
        {
            Model = Names.Of(s.Rating.Model),
            Label = s.Rating.Label,
            Score = s.Rating.Score,
            Grade = s.Rating.Grade,
            Level = s.Rating.Level,
            MaxLevel = s.Rating.MaxLevel,
            Failed = s.Rating.Failed,
            Formula = s.Rating.Formula,
            Explanation = s.Rating.Explanation,
        },
        Summary = new Dictionary<string, int>
        {
            ["total"] = s.Summary.Total,
            ["pass"] = s.Summary.Pass,
            ["fail"] = s.Summary.Fail,
            ["notApplicable"] = s.Summary.NotApplicable,
            ["inconclusive"] = s.Summary.Inconclusive,
            ["notAssessed"] = s.Summary.NotAssessed,
            ["mandatory"] = s.Summary.Mandatory,
            ["mandatoryPass"] = s.Summary.MandatoryPass,
            ["mandatoryFail"] = s.Summary.MandatoryFail,
            ["mandatoryNotApplicable"] = s.Summary.MandatoryNotApplicable,
            ["conflicts"] = s.Summary.Conflicts,
            ["declared"] = s.Summary.Declared,
        },
        Provisions = s.Provisions.Select(ToEntry).ToArray(),
    };

    private static ProvisionEntry ToEntry(ProvisionAssessment p) => new()
    {
        Id = p.Provision.Id,
        Section = p.Provision.Section,
        SectionTitle = p.Provision.SectionTitle,
        Title = p.Provision.Title,
        Status = Names.Of(p.Provision.Status),
        Conditions = p.Provision.Conditions,
        Assessment = p.Provision.Assessment.Select(Names.Of).ToArray(),
        Checks = p.Provision.Checks,
        Question = p.Provision.Question,
        TestCases = p.Provision.TestCases,
        Note = p.Provision.Note,
        Verdict = Names.Of(p.Verdict),
        Reasons = p.Reasons,
        Basis = p.Basis.Select(Names.Of).ToArray(),
        Conflicts = p.Conflicts,
        Derived = p.Derived.Select(d => new DerivedEntry(d.Provision.ToString(), Names.Of(d.Verdict))).ToArray(),
        Answer = p.Answer is { } a ? new AnswerEntry { Met = a.Met, Evidence = a.Evidence, Justification = a.Justification } : null,
        Facts = p.Facts.Select(f => new FactEntry(f.Fact, f.Value)).ToArray(),
        Waived = p.Waived,
        Results = new ProjectedList<CheckResult, string>(p.Results, r => r.Fingerprint),
    };
}
