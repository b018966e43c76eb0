using System.Security.Cryptography;
using ComplianceAuditor.Repository.Tests;
using ComplianceAuditor.Tests.Shared;
using LibGit2Sharp;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// Repository targets end to end: secrets that only the history holds (deep in it, on a side branch, in a deleted file,
/// in a binary blob) are found with their commit, fingerprints survive reruns and unrelated commits, and the history
/// options, bare repositories, folders inside a worktree and damaged object databases behave as documented.
/// </summary>
public sealed class RepositoryAuditTests
{
    private const string AwsKey = "aws_access_key_id = AKIAZ4QW7RTY2UIOPLKJ\n";
    private const string GitHubToken = "GITHUB_TOKEN=ghp_R8s2Kd9QmX4vL7pW1zT6yN3bH5cJ0fA9gE2u\n";

    [Fact]
    public async Task Secrets_that_only_the_history_holds_are_found_with_the_commit_that_added_them()
    {
        using var git = PlantedRepository(out var commits);

        var report = await AuditAsync(git.Root);

        var aws = Failure(report, "CMP2017");
        Assert.Equal($"{Name(git)}@{commits.Aws.Sha[..12]}/config/cloud.conf", (string)aws["artifact"]!);
        Assert.Contains(aws["evidence"]!, e => (string?)e["commit"] == commits.Aws.Sha && (int?)e["line"] == 2);
        Assert.DoesNotContain("AKIAZ4QW7RTY2UIOPLKJ", aws.ToString(), StringComparison.Ordinal);
        Assert.Equal($"{Name(git)}@{commits.Token.Sha[..12]}/ci/deploy.env", (string)Failure(report, "CMP2018")["artifact"]!);
        Assert.Equal($"{Name(git)}@{commits.Key.Sha[..12]}/keys/device.der", (string)Failure(report, "CMP2005")["artifact"]!);
        var artifact = report["artifacts"]!.Single(a => (string)a["path"]! == (string)aws["artifact"]!);
        Assert.Equal(commits.Aws.Sha, (string)artifact["history"]!["commit"]!);
        Assert.Equal("Ann Author <ann@example.test>", (string)artifact["history"]!["author"]!);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Reports, "report.schema.json"));
        Assert.Empty(schema.Validate(report.ToString()));
    }

    [Fact]
    public async Task Fingerprints_are_the_same_on_a_rerun_and_after_an_unrelated_commit()
    {
        using var git = PlantedRepository(out _);
        var first = Fingerprints(await AuditAsync(git.Root));

        var second = Fingerprints(await AuditAsync(git.Root));
        git.Write("docs/notes.md", "release notes\n").Commit("unrelated");
        var third = Fingerprints(await AuditAsync(git.Root));

        Assert.Equal(3, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }

    [Fact]
    public async Task History_none_reads_only_the_tree_and_head_only_the_last_commit()
    {
        using var git = PlantedRepository(out _);

        var none = await AuditAsync(git.Root, "--history", "none");
        var head = await AuditAsync(git.Root, "--history", "head");

        Assert.DoesNotContain(none["artifacts"]!, a => ((string)a["path"]!).Contains('@', StringComparison.Ordinal));
        Assert.Empty(Failures(none));
        Assert.Empty(Failures(head));
        Assert.Contains(head["notes"]!, n => ((string)n!).Contains("history read: the files of the commit HEAD points at", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Since_reads_only_what_is_new_after_the_revision()
    {
        using var git = PlantedRepository(out var commits);

        var report = await AuditAsync(git.Root, "--since", commits.Token.Sha);

        Assert.Equal(["CMP2005"], Failures(report).Select(f => (string)f["ruleId"]!));
        Assert.Contains(report["notes"]!, n => ((string)n!).Contains($"not reachable from '{commits.Token.Sha}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_since_revision_stops_the_audit_with_a_usage_error()
    {
        using var git = PlantedRepository(out _);
        using var output = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", git.Root, "--out", output.Path, "--format", "json", "--since", "v9.9");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--since", error, StringComparison.Ordinal);
        Assert.Contains("'v9.9'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_archive_in_the_tree_does_not_make_the_process_rules_inconclusive()
    {
        using var git = new GitRepoBuilder();
        git.Write("logs/boot.log.gz", TruncatedGzip()).Write("README.md", "camera\n").Commit("start");
        using var output = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", git.Root, "--out", output.Path, "--format", "json", "--only", "CMP3002");

        Assert.True(exit == ExitCodes.Ok, error);
        var report = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "report.json")));
        Assert.Contains(report["notes"]!, n => ((string)n!).Contains("the stream is truncated", StringComparison.Ordinal));
        Assert.Equal("fail", (string)Assert.Single(report["results"]!)["outcome"]!);
    }

    /// <summary>A gzip member cut short: recognised and opened, but its content cannot be read to the end.</summary>
    private static byte[] TruncatedGzip()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            var text = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 4000).Select(i => $"boot line {i * 7919 % 10007}\n")));
            gzip.Write(text);
        }

        return buffer.ToArray()[..(int)(buffer.Length / 2)];
    }

    [Theory]
    [InlineData("2G")]
    [InlineData("0")]
    [InlineData("lots")]
    public async Task A_history_blob_limit_outside_1_byte_to_1G_is_a_usage_error(string limit)
    {
        using var git = PlantedRepository(out _);
        using var output = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", git.Root, "--out", output.Path, "--format", "json", "--max-history-blob", limit);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--max-history-blob", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_repository_is_audited_from_its_head_files_and_its_history()
    {
        using var git = PlantedRepository(out var commits);
        using var clones = new TempDirectory();
        var bare = LibGit2Sharp.Repository.Clone(git.Root, Path.Combine(clones.Path, "camera.git"), new CloneOptions { IsBare = true });

        var report = await AuditAsync(bare);

        Assert.Equal("repo", (string)report["inputs"]![0]!["kind"]!);
        Assert.Contains(report["artifacts"]!, a => (string)a["path"]! == "camera.git/SECURITY.md");
        Assert.Equal("pass", (string)report["results"]!.Single(r => (string)r["ruleId"]! == "CMP3001")["outcome"]!);
        Assert.Equal($"camera.git@{commits.Aws.Sha[..12]}/config/cloud.conf", (string)Failure(report, "CMP2017")["artifact"]!);
    }

    [Fact]
    public async Task A_folder_inside_a_worktree_audited_as_a_repository_reads_the_history_under_it()
    {
        using var git = PlantedRepository(out var commits);

        var report = await AuditAsync(Path.Combine(git.Root, "config"), "--as", "repo");

        var aws = Failure(report, "CMP2017");
        Assert.Equal($"config@{commits.Aws.Sha[..12]}/cloud.conf", (string)aws["artifact"]!);
        Assert.Single(Failures(report));
    }

    [Fact]
    public async Task A_missing_object_makes_the_history_inconclusive_and_the_audit_goes_on()
    {
        using var git = PlantedRepository(out _);
        var blob = git.Repo.Head.Commits.Last().Tree["README.md"].Target.Sha;
        File.Delete(Path.Combine(git.Root, ".git", "objects", blob[..2], blob[2..]));

        var (exit, report) = await AuditWithExitAsync(git.Root);

        Assert.Equal(ExitCodes.Ok, exit);
        var summary = report["results"]!.Single(r => (string)r["ruleId"]! == "CMP2017" && ((string)r["artifact"]!).EndsWith("@history", StringComparison.Ordinal));
        Assert.Equal("inconclusive", (string)summary["outcome"]!);
        Assert.Contains(blob, (string)summary["reason"]!, StringComparison.Ordinal);
        Assert.Equal(3, Failures(report).Count);
    }

    [SharedFact("schemas/sarif-schema-2.1.0.json")]
    public async Task In_sarif_a_history_finding_points_at_the_file_path_with_the_commit_in_the_artifact_properties()
    {
        using var git = PlantedRepository(out var commits);
        using var output = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", git.Root, "--out", output.Path, "--format", "sarif", "--only", "CMP2017");

        Assert.True(exit == ExitCodes.Ok, error);
        var text = await File.ReadAllTextAsync(Path.Combine(output.Path, "report.sarif"));
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "schemas", "sarif-schema-2.1.0.json"));
        Assert.Empty(schema.Validate(text));
        var run = JObject.Parse(text)["runs"]![0]!;
        var result = Assert.Single(run["results"]!, r => (string)r["kind"]! == "fail");
        var location = result["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("config/cloud.conf", (string)location["artifactLocation"]!["uri"]!);
        Assert.Equal(Name(git), (string)location["artifactLocation"]!["uriBaseId"]!);
        Assert.Equal(2, (int)location["region"]!["startLine"]!);
        var artifact = run["artifacts"]![(int)location["artifactLocation"]!["index"]!]!;
        Assert.Equal(commits.Aws.Sha, (string)artifact["properties"]!["commit"]!);
    }

    /// <summary>
    /// A repository whose tree at HEAD is clean, with an AWS key added deep in history and deleted later, a GitHub token
    /// only on a side branch, and a private key as a DER blob that was deleted too.
    /// </summary>
    private static GitRepoBuilder PlantedRepository(out (Commit Aws, Commit Token, Commit Key) commits)
    {
        var git = new GitRepoBuilder();
        git.Write("README.md", "# camera firmware\n").Write("SECURITY.md", "Report issues to security@example.test\n").Commit("start");
        var aws = git.Write("config/cloud.conf", "region = eu-west-1\n" + AwsKey).Commit("cloud upload");
        for (var i = 0; i < 12; i++)
        {
            git.Write("src/main.c", $"int version = {i};\n").Commit($"work {i}");
        }

        git.Write("config/cloud.conf", "region = eu-west-1\n").Commit("take the key out");
        var main = git.Repo.Head.FriendlyName;
        git.Checkout("deploy", git.Repo.Head.Tip);
        var token = git.Write("ci/deploy.env", GitHubToken).Commit("deploy job");
        git.Checkout(main);
        using var rsa = RSA.Create(2048);
        var key = git.Write("keys/device.der", rsa.ExportPkcs8PrivateKey()).Commit("device key");
        git.Delete("keys/device.der").Commit("remove the key");
        commits = (aws, token, key);
        return git;
    }

    private static string Name(GitRepoBuilder git) => Path.GetFileName(git.Root);

    private static async Task<JObject> AuditAsync(string target, params string[] options) => (await AuditWithExitAsync(target, options)).Report;

    private static async Task<(int Exit, JObject Report)> AuditWithExitAsync(string target, params string[] options)
    {
        using var output = new TempDirectory();
        var (exit, _, error) = await Cli.RunAsync(["audit", target, "--out", output.Path, "--format", "json", "--only", "CMP2005,CMP2017,CMP2018,CMP3001", .. options]);
        Assert.True(exit == ExitCodes.Ok, error);
        return (exit, JObject.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "report.json"))));
    }

    private static List<JToken> Failures(JObject report) =>
        [.. report["results"]!.Where(r => (string)r["outcome"]! == "fail" && (string)r["ruleId"]! != "CMP3001")];

    private static JToken Failure(JObject report, string ruleId) => Assert.Single(Failures(report), r => (string)r["ruleId"]! == ruleId);

    private static List<string> Fingerprints(JObject report) => [.. Failures(report).Select(f => (string)f["fingerprint"]!).Order(StringComparer.Ordinal)];
}
