using ComplianceAuditor.Checks.CSharp.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.CSharp.Tests;

/// <summary>CMP4000 lands on the configuration file and line that hold an option value the analyzers cannot read.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task An_unreadable_option_fails_on_its_editorconfig_line()
    {
        using var repo = new TempDirectory();
        repo.Write("app/Program.cs", "class Program { static void Main() { } }\n");
        repo.Write(".editorconfig", "root = true\n\n[*.cs]\ncompliance_auditor.CMP4008.update_sinks = Acme.Ota.Apply, Apply(\n");

        var results = await CSharpAudit.RunAsync(repo.Path, null, "CMP4000");

        var result = CSharpAudit.On(results, "CMP4000", ".editorconfig");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(4, evidence.Line);
        Assert.Contains("'Apply('", evidence.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readable_options_pass_and_a_target_without_csharp_is_not_applicable()
    {
        using var repo = new TempDirectory();
        repo.Write("app/Program.cs", "class Program { static void Main() { } }\n");
        repo.Write(".editorconfig", "root = true\n[*.cs]\ncompliance_auditor.CMP4001.credential_names = pin, passcode\n");
        using var other = new TempDirectory();
        other.Write(".editorconfig", "root = true\n[*.cs]\ncompliance_auditor.CMP4001.credential_names = pin-code\n");

        var withCode = await CSharpAudit.RunAsync(repo.Path, null, "CMP4000");
        var withoutCode = await CSharpAudit.RunAsync(other.Path, null, "CMP4000");

        Assert.Equal(Outcome.Pass, CSharpAudit.On(withCode, "CMP4000", ".editorconfig").Outcome);
        Assert.Equal(Outcome.NotApplicable, CSharpAudit.On(withoutCode, "CMP4000", ".editorconfig").Outcome);
    }
}
