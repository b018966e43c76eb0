namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>A secure-development practice visible in a repository's CI or configuration.</summary>
public enum CiPractice
{
    /// <summary>Static analysis (CodeQL, Semgrep, Sonar, Coverity, cppcheck, clang-tidy).</summary>
    StaticAnalysis,

    /// <summary>Fuzzing (OSS-Fuzz, CIFuzz, libFuzzer, AFL) in CI, or a fuzz harness in the source tree.</summary>
    Fuzzing,

    /// <summary>Release signing (cosign, gpg, imgtool, espsecure, avbtool, mkimage -k, rauc, swugenerator, sigstore, openssl).</summary>
    ReleaseSigning,

    /// <summary>A dependency update bot (Dependabot, Renovate).</summary>
    DependencyUpdates,

    /// <summary>Dependency vulnerability scanning in CI (OSV-Scanner, Grype, Trivy, Snyk, dependency review, language audit tools).</summary>
    DependencyScanning,

    /// <summary>A threat model or risk assessment document, recognised by its file name.</summary>
    ThreatModel,

    /// <summary>A CODEOWNERS file with at least one rule.</summary>
    CodeOwners,
}
