using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Configuration;
using ComplianceAuditor.Update.Configuration.BuildConfigs;

namespace ComplianceAuditor.Checks.Update.BuildConfig;

/// <summary>
/// <c>update-build-config</c>: a firmware build configuration (ESP-IDF <c>sdkconfig</c>, MCUboot or Zephyr
/// <c>.config</c>, U-Boot <c>.config</c>, OpenWrt <c>.config</c>) judged by <c>find</c>:
/// <c>signature-enforcement</c>, <c>downgrade-protection</c>, <c>insecure-transport</c>, or <c>weakness</c> with
/// <c>weaknesses</c>. A file no project's symbols identify is not applicable.
/// </summary>
public sealed class BuildConfigCheck : ICheck
{
    public string Kind => "update-build-config";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Text];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "find", "weaknesses"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var find = rule.Check.GetString("find");
        Func<string, BuildConfigVerdicts, CheckOutcome> judge = find switch
        {
            "signature-enforcement" => (project, v) => Enforcement(project, "signature checks", v.SignatureEnforcement),
            "downgrade-protection" => (project, v) => Enforcement(project, "downgrade protection", v.DowngradeProtection),
            "insecure-transport" => Transport,
            "weakness" => Weakness(rule.Check.Has("weaknesses")
                ? rule.Check.GetStringList("weaknesses")
                : throw new CheckParameterException("weaknesses", "check.find 'weakness' needs check.weaknesses, the weakness codes")),
            _ => throw new CheckParameterException("find", $"check.find '{find}' is not one of signature-enforcement, downgrade-protection, insecure-transport, weakness"),
        };
        return new Prepared(PathSelection.From(rule.Check, required: false), judge);
    }

    private static CheckOutcome Enforcement(string project, string what, EnforcementVerdict verdict) => verdict.State switch
    {
        ComplianceAuditor.Update.Configuration.Enforcement.Enforced => CheckOutcome.Pass($"{project}: {verdict.Reason}"),
        ComplianceAuditor.Update.Configuration.Enforcement.NotEnforced => CheckOutcome.Fail($"{project} build does not enforce {what}: {verdict.Reason}",
            [new EvidenceItem { Kind = "text", Description = verdict.Reason }], $"{project}:{verdict.Reason}"),
        _ => CheckOutcome.Inconclusive($"{project}: {verdict.Reason}"),
    };

    private static CheckOutcome Transport(string project, BuildConfigVerdicts verdicts) => verdicts.InsecureTransport.Count == 0
        ? CheckOutcome.Pass($"{project}: no option allows plain HTTP or unverified TLS")
        : CheckOutcome.Fail(
            $"{project} build allows an unauthenticated update channel: {string.Join("; ", verdicts.InsecureTransport.Select(i => $"{i.Setting} ({i.Location})"))}",
            [.. verdicts.InsecureTransport.Select(i => new EvidenceItem { Kind = "text", Description = i.Kind.ToString(), Line = i.Location.Line, Excerpt = i.Setting })],
            string.Join('\n', verdicts.InsecureTransport.Select(i => i.Setting).Order(StringComparer.Ordinal)));

    private static Func<string, BuildConfigVerdicts, CheckOutcome> Weakness(IReadOnlyCollection<string> codes) => (project, verdicts) =>
    {
        var found = verdicts.Weaknesses.Where(w => codes.Contains(w.Code, StringComparer.Ordinal)).ToList();
        return found.Count == 0
            ? CheckOutcome.Pass($"{project}: none of {string.Join(", ", codes)}")
            : CheckOutcome.Fail($"{project}: {string.Join("; ", found.Select(w => w.Description))}",
                [.. found.Select(w => new EvidenceItem { Kind = "text", Description = $"{w.Code}: {w.Description}" })],
                string.Join('\n', found.Select(w => $"{w.Code}:{w.Description}").Order(StringComparer.Ordinal)));
    };

    private sealed class Prepared(PathSelection paths, Func<string, BuildConfigVerdicts, CheckOutcome> judge) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => paths.IsExplicit;

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            IReadOnlyList<(string Project, BuildConfigVerdicts Verdicts)> configs;
            try
            {
                configs = context.Scratch.GetOrAdd("build-config", () => BuildConfigReader.Read(context.Artifact));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CheckOutcome.Inconclusive($"the file could not be read: {Core.Text.IoErrors.Describe(e)}");
            }

            if (configs.Count == 0)
            {
                return CheckOutcome.NotApplicable("not an ESP-IDF, MCUboot/Zephyr, U-Boot or OpenWrt build configuration");
            }

            // Several projects in one file (a Zephyr application with MCUboot symbols): the worst outcome stands.
            var outcomes = configs.Select(c => judge(c.Project, c.Verdicts)).ToList();
            return outcomes.FirstOrDefault(o => o.Outcome == Outcome.Fail)
                ?? outcomes.FirstOrDefault(o => o.Outcome == Outcome.Inconclusive)
                ?? outcomes[0];
        }
    }
}
