using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Elf.Tests;

public sealed class ImageContextTests
{
    [Fact]
    public async Task Fortify_is_not_applicable_when_the_image_libc_offers_no_fortified_functions()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "lib"));
        Directory.CreateDirectory(Path.Combine(root.Path, "bin"));
        // A library exporting no __*_chk function stands in for musl, which has none.
        File.Copy(Path.Combine(ElfAudit.Fixtures, "bin", "arm.so"), Path.Combine(root.Path, "lib", "ld-musl-armhf.so.1"));
        File.Copy(Path.Combine(ElfAudit.Fixtures, "bin", "arm.weak"), Path.Combine(root.Path, "bin", "httpd"));
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([root.Path], null)[0], new InventoryOptions(), CancellationToken.None);

        var result = (await ElfAudit.RunAsync(inventory, "CMP1005")).Single(r => r.Artifact.EndsWith("bin/httpd", StringComparison.Ordinal));

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("lib/ld-musl-armhf.so.1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_libc_in_the_image_fortify_is_judged_against_glibc()
    {
        var result = Assert.Single(await ElfAudit.RunAsync(Path.Combine(ElfAudit.Fixtures, "bin", "arm.weak"), "CMP1005"));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("glibc's list", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dangerous_imports_are_listed_as_symbol_evidence()
    {
        var result = Assert.Single(await ElfAudit.RunAsync(Path.Combine(ElfAudit.Fixtures, "bin", "x86_64.weak"), "CMP1010"));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(["gets", "popen", "sprintf", "strcat", "strcpy", "system"], result.Evidence.Select(e => e.Symbol!.Split('@')[0]));
        Assert.All(result.Evidence, e => Assert.Equal("symbol", e.Kind));
    }
}
