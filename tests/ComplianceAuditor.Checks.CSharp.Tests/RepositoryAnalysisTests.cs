using ComplianceAuditor.Checks.CSharp.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.CSharp.Tests;

/// <summary>
/// The CLI's analysis of a repository's C# files: projects compiled apart, platform types left unresolved,
/// .editorconfig options and suppressions, evidence and fingerprints.
/// </summary>
public sealed class RepositoryAnalysisTests
{
    private const string Credential = """
        using System.Net;

        class Uplink
        {
            public NetworkCredential Login() => new NetworkCredential("device", "S3cr3t-Passw0rd!");
        }
        """;

    [Fact]
    public async Task A_finding_gives_file_line_member_and_a_redacted_excerpt()
    {
        using var repo = new TempDirectory();
        repo.Write("agent/Agent.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        repo.Write("agent/Uplink.cs", Credential);

        var results = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");

        var result = CSharpAudit.On(results, "CMP4001", "agent/Uplink.cs");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(5, evidence.Line);
        Assert.Equal("Uplink.Login", evidence.Symbol);
        Assert.DoesNotContain("S3cr3t-Passw0rd!", evidence.Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t-Passw0rd!", evidence.Description, StringComparison.Ordinal);
        Assert.Contains("new NetworkCredential(\"device\", \"", evidence.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_credential_on_a_line_and_the_credentials_of_urls_are_redacted_in_every_excerpt()
    {
        using var repo = new TempDirectory();
        repo.Write("Config.cs", """
            class Config
            {
                public string Password { get; set; } = "Pa55-word-One"; public string ApiKey { get; set; } = "k3y-Two-9f8e7d6c";
                public System.Net.Http.HttpClient Client { get; } = new();
                public System.Threading.Tasks.Task<byte[]> Firmware() => Client.GetByteArrayAsync("http://fw:T0ken-Three@updates.example.com/firmware.bin?sig=Four4");
            }
            """);

        var results = await CSharpAudit.RunAsync(repo.Path);

        var excerpts = string.Join("\n", results.SelectMany(r => r.Evidence).Select(e => e.Excerpt));
        Assert.Equal(2, CSharpAudit.On(results, "CMP4001", "Config.cs").Evidence.Count);
        Assert.Equal(Outcome.Fail, CSharpAudit.On(results, "CMP4004", "Config.cs").Outcome);
        foreach (var secret in new[] { "Pa55-word-One", "k3y-Two-9f8e7d6c", "T0ken-Three", "Four4" })
        {
            Assert.DoesNotContain(secret, excerpts, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Show_secrets_puts_the_value_in_the_excerpt()
    {
        using var repo = new TempDirectory();
        repo.Write("Uplink.cs", Credential);

        var results = await CSharpAudit.RunAsync(repo.Path, new EngineOptions { ShowSecrets = true }, "CMP4001");

        Assert.Contains("S3cr3t-Passw0rd!", Assert.Single(CSharpAudit.On(results, "CMP4001", "Uplink.cs").Evidence).Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fingerprint_survives_lines_added_above_the_finding()
    {
        using var repo = new TempDirectory();
        repo.Write("Uplink.cs", Credential);
        var first = CSharpAudit.On(await CSharpAudit.RunAsync(repo.Path, null, "CMP4001"), "CMP4001", "Uplink.cs");

        repo.Write("Uplink.cs", "// A comment added later.\n\n" + Credential.Replace("class Uplink", "class Uplink // the uplink", StringComparison.Ordinal));
        var second = CSharpAudit.On(await CSharpAudit.RunAsync(repo.Path, null, "CMP4001"), "CMP4001", "Uplink.cs");

        Assert.Equal(Outcome.Fail, second.Outcome);
        Assert.Equal(first.Evidence[0].Line + 2, second.Evidence[0].Line);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public async Task Two_projects_with_the_same_class_names_are_compiled_apart()
    {
        using var repo = new TempDirectory();
        repo.Write("a/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        repo.Write("a/Program.cs", "class Program { static void Main() { } }\n");
        repo.Write("b/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        repo.Write("b/Program.cs", Credential.Replace("class Uplink", "class Program", StringComparison.Ordinal));

        var results = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");

        Assert.Equal(Outcome.Pass, CSharpAudit.On(results, "CMP4001", "a/Program.cs").Outcome);
        Assert.Contains("a/A.csproj", CSharpAudit.On(results, "CMP4001", "a/Program.cs").Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, CSharpAudit.On(results, "CMP4001", "b/Program.cs").Outcome);
    }

    [Fact]
    public async Task A_constant_from_a_referenced_project_is_followed()
    {
        using var repo = new TempDirectory();
        repo.Write("lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        repo.Write("lib/Secrets.cs", "namespace Lib; public static class Defaults { public const string Factory = \"S3cr3t-Passw0rd!\"; }\n");
        repo.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"..\\lib\\Lib.csproj\" /></ItemGroup></Project>");
        repo.Write("app/Uplink.cs", "using System.Net;\nclass Uplink { NetworkCredential Login() => new NetworkCredential(\"device\", Lib.Defaults.Factory); }\n");

        var results = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");

        // The literal sits in the library's compilation, where the application's analysis may not report: the finding
        // goes on the use, and nothing is left undecided.
        var use = CSharpAudit.On(results, "CMP4001", "app/Uplink.cs");
        Assert.Equal(Outcome.Fail, use.Outcome);
        Assert.Contains("Lib.Defaults.Factory", use.Evidence[0].Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain(results, r => r.Outcome is Outcome.Inconclusive or Outcome.Error);
    }

    [Fact]
    public async Task Platform_types_that_do_not_resolve_still_give_findings_and_the_pass_reason_says_so()
    {
        using var repo = new TempDirectory();
        repo.Write("app/App.nfproj", "<Project ToolsVersion=\"15.0\"><ItemGroup><Compile Include=\"Program.cs\" /></ItemGroup></Project>");
        repo.Write("app/Program.cs", """
            using nanoFramework.Networking;

            public class Program
            {
                public static void Main()
                {
                    WifiNetworkHelper.ConnectDhcp("factory-ssid", "Fact0ry-Wifi-Key", requiresDateTime: true);
                }
            }
            """);
        repo.Write("app/Clean.cs", "using nanoFramework.Networking;\npublic static class Clean { public static void Run(string ssid, string key) => WifiNetworkHelper.ConnectDhcp(ssid, key); }\n");

        var results = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");

        Assert.Equal(Outcome.Fail, CSharpAudit.On(results, "CMP4001", "app/Program.cs").Outcome);
        var clean = CSharpAudit.On(results, "CMP4001", "app/Clean.cs");
        Assert.Equal(Outcome.Pass, clean.Outcome);
        Assert.Contains("did not resolve", clean.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editorconfig_options_reach_the_analyzers()
    {
        using var repo = new TempDirectory();
        const string Source = "class Settings { public string AccessCode { get; set; } = \"4711-0815-ABCD\"; }\n";
        repo.Write("Settings.cs", Source);

        var without = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");
        repo.Write(".editorconfig", "root = true\n[*.cs]\ncompliance_auditor.CMP4001.credential_names = accesscode, code\n");
        var with = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");

        Assert.Equal(Outcome.Pass, CSharpAudit.On(without, "CMP4001", "Settings.cs").Outcome);
        Assert.Equal(Outcome.Fail, CSharpAudit.On(with, "CMP4001", "Settings.cs").Outcome);
    }

    [Fact]
    public async Task A_global_config_reaches_the_projects_below_it_and_no_other()
    {
        using var repo = new TempDirectory();
        const string Source = "class Settings { public string AccessCode { get; set; } = \"4711-0815-ABCD\"; }\n";
        repo.Write("a/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        repo.Write("a/Settings.cs", Source);
        repo.Write("a/.globalconfig", "is_global = true\ncompliance_auditor.CMP4001.credential_names = accesscode, code\n");
        repo.Write("b/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        repo.Write("b/Settings.cs", Source);

        var results = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");

        Assert.Equal(Outcome.Fail, CSharpAudit.On(results, "CMP4001", "a/Settings.cs").Outcome);
        Assert.Equal(Outcome.Pass, CSharpAudit.On(results, "CMP4001", "b/Settings.cs").Outcome);
    }

    [Fact]
    public async Task Findings_silenced_in_the_repository_still_fail_and_say_how_they_were_silenced()
    {
        using var repo = new TempDirectory();
        repo.Write("pragma/Uplink.cs", "#pragma warning disable CMP4001\n" + Credential);
        repo.Write("config/Uplink.cs", Credential);
        repo.Write("config/.editorconfig", "[*.cs]\ndotnet_diagnostic.CMP4001.severity = none\n");

        var results = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");

        var pragma = CSharpAudit.On(results, "CMP4001", "pragma/Uplink.cs");
        var config = CSharpAudit.On(results, "CMP4001", "config/Uplink.cs");
        Assert.Equal(Outcome.Fail, pragma.Outcome);
        Assert.Contains("#pragma", pragma.Evidence[0].Description, StringComparison.Ordinal);
        Assert.Contains("silenced", pragma.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, config.Outcome);
        Assert.Contains(".editorconfig", config.Evidence[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_under_if_debug_is_left_out_as_in_a_release_build()
    {
        using var repo = new TempDirectory();
        repo.Write("Uplink.cs", "#if DEBUG\n" + Credential + "\n#endif\n");

        var results = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");

        Assert.Equal(Outcome.Pass, CSharpAudit.On(results, "CMP4001", "Uplink.cs").Outcome);
    }

    [Fact]
    public async Task Generated_files_and_build_outputs_are_not_judged()
    {
        using var repo = new TempDirectory();
        repo.Write("app/Uplink.g.cs", Credential);
        repo.Write("app/Marked.cs", "// <auto-generated>\n//   by a tool\n// </auto-generated>\n" + Credential);
        repo.Write("app/obj/Release/Uplink.cs", Credential);

        var results = await CSharpAudit.RunAsync(repo.Path, null, "CMP4001");

        Assert.Equal(Outcome.NotApplicable, CSharpAudit.On(results, "CMP4001", "app/Uplink.g.cs").Outcome);
        Assert.Equal(Outcome.NotApplicable, CSharpAudit.On(results, "CMP4001", "app/Marked.cs").Outcome);
        Assert.DoesNotContain(results, r => r.Artifact.Contains("/obj/", StringComparison.Ordinal));
    }
}
