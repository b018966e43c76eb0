using ComplianceAuditor.Checks.Repository.Advisories;
using ComplianceAuditor.Checks.Repository.Disclosure;
using ComplianceAuditor.Checks.Repository.Documentation;
using ComplianceAuditor.Checks.Repository.Practices;
using ComplianceAuditor.Checks.Repository.Sbom;
using ComplianceAuditor.Checks.Repository.Support;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence.Ci;
using ComplianceAuditor.ProcessEvidence.Documentation;

namespace ComplianceAuditor.Checks.Repository;

/// <summary>
/// The check kinds of this family, for explicit registration: process evidence a repository gives about its maker's
/// security process. Every kind looks at the whole working tree, takes no parameters, and shares one parse of the tree
/// with the others (see <see cref="Evidence.RepositoryEvidence"/>).
/// </summary>
public static class RepositoryChecks
{
    private const string CiFiles = "CI workflows (GitHub, GitLab, Jenkins, Azure Pipelines, CircleCI)";

    public static IEnumerable<ICheck> All() =>
    [
        new DisclosureContactCheck(),
        new DisclosureTimelinesCheck(),
        new PersonalDataDemandCheck(),
        new SecurityTxtCheck(),
        new SupportPeriodCheck(),
        new SbomCheck(),
        new PracticeCheck("repo-dependency-scanning", "dependency scanning", CiFiles + " and Dependabot or Renovate configuration",
            "neither CI (OSV-Scanner, Grype, Trivy, Snyk, dependency review, language audit tools) nor a Dependabot or Renovate configuration watches the dependencies for vulnerabilities",
            CiPractice.DependencyScanning, CiPractice.DependencyUpdates),
        new PracticeCheck("repo-static-analysis", "static analysis", CiFiles,
            "CI runs no static analyser (CodeQL, Semgrep, SonarQube, Coverity, cppcheck or clang-tidy)", CiPractice.StaticAnalysis),
        new PracticeCheck("repo-fuzzing", "fuzzing", CiFiles + " and source files named for fuzzing",
            "there is no fuzz harness (LLVMFuzzerTestOneInput, Go Fuzz tests, cargo-fuzz targets, Atheris, AFL) and CI runs no fuzzer", CiPractice.Fuzzing),
        new PracticeCheck("repo-code-owners", "code ownership", "CODEOWNERS at the root, in .github/ or in docs/",
            "there is no CODEOWNERS file with an owner rule, so no review by a named owner is required", CiPractice.CodeOwners),
        new PracticeCheck("repo-threat-model", "threat model", "files named for a threat model or risk assessment",
            "no threat model or risk assessment document (a file named threat-model or risk-assessment) is in the repository", CiPractice.ThreatModel),
        new PracticeCheck("repo-release-signing", "release signing", CiFiles + " and release scripts (scripts/, tools/, ci/, *release*, *sign*, Makefile)",
            "no CI job or release script signs release artefacts (cosign, gpg, imgtool, espsecure, avbtool, mkimage -k, rauc, swugenerator, openssl)",
            CiPractice.ReleaseSigning),
        new SigningKeyCustodyCheck(),
        new SecurityAdvisoriesCheck(),
        new UserDocumentationCheck("repo-docs-update-behaviour", DocTopic.UpdateBehaviour, "how the device is updated"),
        new UserDocumentationCheck("repo-docs-secure-setup", DocTopic.SecureSetup, "how to set the device up securely"),
        new UserDocumentationCheck("repo-docs-data-deletion", DocTopic.DataDeletion, "how to delete personal data from the device"),
        new Git.SignedTagsCheck(),
    ];
}
