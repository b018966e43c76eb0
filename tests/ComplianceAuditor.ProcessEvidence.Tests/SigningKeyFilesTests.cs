using ComplianceAuditor.ProcessEvidence.Ci;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class SigningKeyFilesTests
{
    private const string Pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIExampleOnly\n-----END PRIVATE KEY-----\n";

    [Theory]
    [InlineData("imgtool sign --key keys/root.pem in.bin out.bin", "keys/root.pem")]
    [InlineData("imgtool sign -k ./keys/root.pem in.bin out.bin", "./keys/root.pem")]
    [InlineData("espsecure.py sign_data --version 2 --keyfile=secure_boot.pem fw.bin", "secure_boot.pem")]
    [InlineData("openssl smime -sign -signer cert.pem -inkey signer.key -in fw.bin", "signer.key")]
    [InlineData("swugenerator -k CMS,sign.pem,cert.pem sign -o out.swu", "sign.pem")]
    [InlineData("mkimage -f fit.its -k keys -r image.fit", "keys")]
    [InlineData("gpg --batch --sign fw.tar", null)]
    [InlineData("cosign sign-blob --key awskms:///alias/release fw.bin", null)]
    public void The_key_a_signing_command_names_is_taken_from_the_whole_line(string command, string? expected)
    {
        var finding = Assert.Single(CiPractices.ScanCi("/.gitlab-ci.yml", "release:\n  script:\n    - " + command + "\n"));

        Assert.Equal(expected, finding.KeyFile);
    }

    [Fact]
    public void A_key_beyond_the_excerpt_is_still_found()
    {
        var command = "imgtool sign " + string.Concat(Enumerable.Repeat("--pad-header ", 20)) + "--key keys/late.pem in.bin out.bin";

        var finding = Assert.Single(CiPractices.ScanCi("/Jenkinsfile", command));

        Assert.True(finding.Evidence.Excerpt.Length <= 160);
        Assert.Equal("keys/late.pem", finding.KeyFile);
    }

    [Theory]
    [InlineData("imgtool sign --key keys/root.pem a b", KeyCustodyKind.Committed, "/keys/root.pem")]
    [InlineData("imgtool sign --key ${{ github.workspace }}/keys/root.pem a b", KeyCustodyKind.Committed, "/keys/root.pem")]
    [InlineData("imgtool sign --key $GITHUB_WORKSPACE/keys/root.pem a b", KeyCustodyKind.Committed, "/keys/root.pem")]
    [InlineData("imgtool sign --key keys/public.pem a b", KeyCustodyKind.CommittedWithoutKey, "/keys/public.pem")]
    [InlineData("imgtool sign --key keys/absent.pem a b", KeyCustodyKind.OutsideTree, null)]
    [InlineData("imgtool sign --key /opt/keys/root.pem a b", KeyCustodyKind.OutsideTree, null)]
    [InlineData("imgtool sign --key ../../etc/root.pem a b", KeyCustodyKind.OutsideTree, null)]
    [InlineData("rauc bundle --cert c.pem --key pkcs11:token=rel dir out.raucb", KeyCustodyKind.HardwareOrKms, null)]
    [InlineData("cosign sign --yes ghcr.io/acme/fw@sha256:abc", KeyCustodyKind.NoKeyFile, null)]
    public void Custody_is_judged_against_the_files_of_the_tree(string command, KeyCustodyKind expected, string? keyPath)
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/.github/workflows/release.yml", "steps:\n  - run: " + command + "\n")
            .Add("/keys/root.pem", Pem)
            .Add("/keys/public.pem", "-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----\n");

        var custody = Assert.Single(SigningKeyFiles.Judge(CiPractices.Find(files).Findings, files));

        Assert.Equal((expected, keyPath), (custody.Kind, custody.KeyPath));
    }

    [Fact]
    public void A_binary_key_container_counts_as_committed()
    {
        var files = new BinaryFiles("/keys/release.p12");

        var step = new CiPracticeFinding(CiPractice.ReleaseSigning, "openssl", new EvidenceLine("/sign.sh", 1, ""), SigningKeySource.File, "keys/release.p12");
        var custody = Assert.Single(SigningKeyFiles.Judge([step], files));

        Assert.Equal((KeyCustodyKind.Committed, "/keys/release.p12"), (custody.Kind, custody.KeyPath));
    }

    /// <summary>A view whose files exist but never read as text, as binary files do through the inventory view.</summary>
    private sealed class BinaryFiles(params string[] paths) : IRepositoryFiles
    {
        public IEnumerable<string> Paths => paths;

        public string? ReadText(string path, int maxBytes) => null;
    }
}
