using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>CMP3014: a release signing step must not read its private key from a file committed in the repository.</summary>
public sealed class SigningKeyRuleTests
{
    private const string PrivateKey = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIExampleOnlyNotARealKeyAAAAAAAAAAAAAAAAAAAAAAAAoAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n";

    [Fact]
    public async Task A_committed_private_key_named_by_a_release_script_fails()
    {
        using var repo = new RepoFixture()
            .With("scripts/release.sh", "#!/bin/sh\nimgtool sign --key keys/root-ec-p256.pem build/app.bin app.signed.bin\n")
            .With("keys/root-ec-p256.pem", PrivateKey);

        var result = await repo.JudgeAsync("CMP3014");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("release signing reads a private key committed in the repository: keys/root-ec-p256.pem (imgtool at scripts/release.sh:2)", result.Reason, StringComparison.Ordinal);
        Assert.Collection(result.Evidence,
            step => Assert.Equal((2, true), (step.Line, step.Path!.EndsWith("/scripts/release.sh", StringComparison.Ordinal))),
            key => Assert.EndsWith("/keys/root-ec-p256.pem", key.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_path_relative_to_the_script_folder_is_resolved()
    {
        using var repo = new RepoFixture()
            .With("scripts/sign.sh", "openssl dgst -sha256 -sign ../keys/release.pem -out fw.sig fw.bin\n")
            .With("keys/release.pem", PrivateKey.Replace("EC PRIVATE", "ENCRYPTED PRIVATE", StringComparison.Ordinal));

        var result = await repo.JudgeAsync("CMP3014");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("keys/release.pem (openssl at scripts/sign.sh:1): an encrypted PEM private key", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_mkimage_key_folder_with_a_private_key_fails()
    {
        using var repo = new RepoFixture()
            .With(".gitlab-ci.yml", "sign:\n  script:\n    - mkimage -f fit.its -k keys/fit -r image.fit\n")
            .With("keys/fit/dev.crt", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
            .With("keys/fit/dev.key", PrivateKey.Replace("EC PRIVATE", "RSA PRIVATE", StringComparison.Ordinal));

        var result = await repo.JudgeAsync("CMP3014");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("keys/fit/dev.key (mkimage at .gitlab-ci.yml:3)", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cosign sign-blob --key awskms:///alias/release fw.bin", "held by an HSM, a KMS or a hardware token")]
    [InlineData("imgtool sign --key \"$RUNNER_TEMP/signing.pem\" app.bin app.signed.bin", "built from a variable, outside the working tree")]
    [InlineData("imgtool sign --key keys/release.pem app.bin app.signed.bin", "keys/release.pem is not a file of the working tree (presumably written from a CI secret at build time)")]
    [InlineData("gpg --batch --local-user release@example.com --detach-sign fw.tar", "names no key file")]
    public async Task Keys_that_are_not_in_the_repository_pass(string command, string reason)
    {
        using var repo = new RepoFixture().With(".github/workflows/release.yml", $"jobs:\n  sign:\n    steps:\n      - run: {command}\n");

        var result = await repo.JudgeAsync("CMP3014");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Equal(4, Assert.Single(result.Evidence).Line);
    }

    [Fact]
    public async Task A_committed_public_key_at_the_named_path_passes()
    {
        using var repo = new RepoFixture()
            .With("scripts/release.sh", "imgtool sign --key keys/placeholder.pem build/app.bin app.signed.bin\n")
            .With("keys/placeholder.pem", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n");

        var result = await repo.JudgeAsync("CMP3014");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("a committed file without a private key", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_signing_steps_the_rule_is_not_applicable()
    {
        using var repo = new RepoFixture().With("keys/root.pem", PrivateKey);

        Assert.Equal(Outcome.NotApplicable, (await repo.JudgeAsync("CMP3014")).Outcome);
    }

    [Fact]
    public async Task A_named_key_missing_from_a_partly_listed_tree_is_inconclusive()
    {
        // ".github/..." sorts first, so the one file listed is the workflow; the key could be among the files not listed.
        using var repo = new RepoFixture()
            .With(".github/workflows/release.yml", "steps:\n  - run: imgtool sign --key keys/release.pem app.bin out.bin\n")
            .With("src/main.c", "int main(void) { return 0; }\n");

        var result = await repo.JudgeAsync("CMP3014", new InventoryOptions { MaxFiles = 1 });

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("part of the target was not read", result.Reason, StringComparison.Ordinal);
    }
}
