using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Build.Coverage;

/// <summary>One build file the survey counted, with the features it turns on.</summary>
/// <param name="File">The build file.</param>
/// <param name="KindName">What kind of build file it is, for evidence.</param>
/// <param name="Enables">The hardening features it turns on, sorted.</param>
internal sealed record SurveyedFile(Artifact File, string KindName, IReadOnlyList<string> Enables);
