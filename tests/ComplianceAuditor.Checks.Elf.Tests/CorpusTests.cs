using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Elf.Tests;

/// <summary>Real microcontroller firmware ELF files from ../shared/corpus (ESP32, ESP8266 Xtensa; ESP32-C6 RISC-V).</summary>
public sealed class CorpusTests
{
    private const string Folder = "corpus/esptool/test/elf2image";

    [SharedFact(Folder)]
    public async Task Bare_metal_firmware_gets_a_reasoned_verdict_from_every_rule()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Shared, Folder), "*.elf").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var results = await ElfAudit.RunAsync(file);
            var byRule = results.ToDictionary(r => r.RuleId);

            Assert.All(results, r => Assert.NotEqual(Outcome.Error, r.Outcome));
            // Statically linked, fixed-address images without a PT_GNU_STACK header.
            Assert.Equal(Outcome.Fail, byRule["CMP1004"].Outcome);
            Assert.Equal(Outcome.Fail, byRule["CMP1001"].Outcome);
            Assert.Equal(Outcome.NotApplicable, byRule["CMP1009"].Outcome);
            Assert.Equal(Outcome.NotApplicable, byRule["CMP1010"].Outcome);
        }
    }
}
