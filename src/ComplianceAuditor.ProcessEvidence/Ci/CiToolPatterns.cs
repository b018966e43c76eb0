using System.Text.RegularExpressions;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>One regex per practice; the named group "tool" names what matched.</summary>
internal static class CiToolPatterns
{
    public static IReadOnlyList<(CiPractice Practice, Regex Pattern)> All { get; } =
    [
        (CiPractice.StaticAnalysis, TextScan.Create(
            @"\b(?<tool>codeql|semgrep|sonar(cloud|qube|-scanner|source)?|coverity|cov-build|cppcheck|clang-tidy)")),
        (CiPractice.Fuzzing, TextScan.Create(
            @"(?<tool>oss-fuzz|cifuzz|libfuzzer|-fsanitize=fuzzer|afl-fuzz|afl\+\+|\bafl\b|cargo[\s-]+fuzz|clusterfuzzlite)")),
        (CiPractice.DependencyScanning, TextScan.Create(
            @"\b(?<tool>osv-scanner|grype|trivy|snyk|dependency-review-action|dependency-check|npm\s+audit|yarn\s+audit|cargo[\s-]+audit|" +
            @"pip-audit|govulncheck)\b")),
        (CiPractice.ReleaseSigning, TextScan.Create(
            @"\b(?<tool>cosign)\s+(sign|sign-blob|attest)\b" +
            @"|\b(?<tool>gpg2?)\b.*\s--(detach-sign|clearsign|sign)\b" +
            @"|\b(?<tool>imgtool)(\.py)?\s+sign\b" +
            @"|\b(?<tool>espsecure)(\.py)?\s+sign[_-]data\b" +
            @"|\b(?<tool>avbtool)(\.py)?\b.*--key\b" +
            @"|\b(?<tool>mkimage)\b.*\s-k\s" +
            @"|\b(?<tool>rauc)\s+bundle\b.*--key\b" +
            @"|\b(?<tool>swugenerator)\b.*\bsign" +
            @"|\b(?<tool>sigstore)\b" +
            @"|\b(?<tool>openssl)\s+(dgst\b.*\s-sign\b|cms\s+-sign\b|smime\s+-sign\b)")),
    ];

    public static Regex HardwareKey { get; } = TextScan.Create(
        @"pkcs11:|\b(awskms|gcpkms|azurekms|hashivault|kms)://|--kms\b|\bhsm\b|yubihsm|cloudhsm|--sk\b");

    public static Regex KeyFile { get; } = TextScan.Create(@"[a-z0-9_./-]\.(pem|key|p8|p12|pfx|der|priv)\b|--key-?file\b");

    /// <summary>
    /// The value of the option that names the signing key (imgtool -k/--key, espsecure --keyfile, openssl -sign/-inkey,
    /// mkimage -k with its key folder). The value may not start with '-', so "-sign -signer cert.pem" moves on to -inkey;
    /// gpg's --sign takes no value, so only openssl's single-dash -sign is read.
    /// </summary>
    public static Regex KeyOption { get; } = TextScan.Create(
        @"(^|\s)(--(key|keyfile|key-file|signing-key|private-key|sign-key)|-(key|keyfile|inkey|sign|k))[=\s]+['""]?(?<key>[^\s'""-][^\s'""]*)");

    /// <summary>A GitHub Actions expression, whose inner spaces would otherwise split a path such as "${{ github.workspace }}/key.pem".</summary>
    public static Regex GithubExpression { get; } = TextScan.Create(@"\$\{\{\s*(?<e>[^}\s]*)\s*\}\}");

    /// <summary>A word that looks like a key file, for commands whose key is not given by a recognised option (swugenerator -k RSA,key.pem).</summary>
    public static Regex KeyPathToken { get; } = TextScan.Create(@"(?<key>[^\s'""=:,;()]+\.(pem|key|p8|p12|pfx|der|priv))\b");

    /// <summary>The entry points of fuzz harnesses: libFuzzer (and the engines that share its interface), Go, cargo-fuzz, Atheris, AFL, Jazzer.</summary>
    public static Regex FuzzHarness { get; } = TextScan.Create(
        @"(?<tool>LLVMFuzzerTestOneInput)|\bfunc\s+(?<tool>Fuzz)[a-z0-9_]*\s*\(\s*\w+\s+\*testing\.F\s*\)|(?<tool>fuzz_target)!" +
        @"|(?<tool>atheris)\.Setup|(?<tool>__AFL_LOOP|__AFL_FUZZ_INIT)|(?<tool>fuzzerTestOneInput)");
}
