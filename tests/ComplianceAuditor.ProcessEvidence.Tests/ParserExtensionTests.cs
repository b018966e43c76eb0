using ComplianceAuditor.ProcessEvidence.Ci;
using ComplianceAuditor.ProcessEvidence.Disclosure;

namespace ComplianceAuditor.ProcessEvidence.Tests;

/// <summary>What the existing parsers gained for the repository checks: fuzz harnesses, more policy places, BOMs.</summary>
public sealed class ParserExtensionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/fuzz/fuzz_mqtt.c", "int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {", "libfuzzer-harness")]
    [InlineData("/pkg/parser/fuzz_test.go", "func FuzzParse(f *testing.F) {", "go-fuzz-test")]
    [InlineData("/fuzz/fuzz_targets/manifest.rs", "fuzz_target!(|data: &[u8]| {", "cargo-fuzz-target")]
    [InlineData("/tests/fuzzing/cbor_fuzz.py", "atheris.Setup(sys.argv, TestOneInput)", "atheris-harness")]
    public void Fuzz_harnesses_in_files_named_for_fuzzing_are_found(string path, string line, string tool)
    {
        var files = new InMemoryRepositoryFiles().Add(path, "// harness\n" + line + "\n");

        var finding = Assert.Single(CiPractices.Find(files).Of(CiPractice.Fuzzing));

        Assert.Equal((tool, path, 2), (finding.Tool, finding.Evidence.Path, finding.Evidence.Line));
    }

    [Fact]
    public void A_harness_entry_point_outside_fuzz_named_files_is_not_looked_for()
    {
        var files = new InMemoryRepositoryFiles().Add("/src/parser.c", "int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\n");

        Assert.False(CiPractices.Find(files).Has(CiPractice.Fuzzing));
    }

    [Theory]
    [InlineData("/docs/threat-model.pdf", true)]
    [InlineData("/security/ThreatModel.tm7", true)]
    [InlineData("/docs/RISK_ASSESSMENT", true)]
    [InlineData("/rules/process/CMP3012.threat-model.yaml", false)]
    [InlineData("/tests/threat_model_test.py", false)]
    public void Threat_models_are_documents_not_code_named_after_them(string path, bool expected)
    {
        var files = new InMemoryRepositoryFiles().Add(path, "x\n");

        Assert.Equal(expected, CiPractices.Find(files).Has(CiPractice.ThreatModel));
    }

    [Fact]
    public void A_security_txt_in_a_web_site_folder_is_found_after_the_standard_places()
    {
        var files = new InMemoryRepositoryFiles().Add("/site/.well-known/security.txt", "Contact: mailto:a@example.com\nExpires: 2026-12-01T00:00:00Z\n");

        var document = SecurityTxt.Find(files, Now);

        Assert.Equal("/site/.well-known/security.txt", document?.Path);
        Assert.True(document?.IsValid);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_before_parsing()
    {
        var files = new InMemoryRepositoryFiles().Add("/.well-known/security.txt", "\uFEFFContact: mailto:a@example.com\nExpires: 2026-12-01T00:00:00Z\n");

        var document = SecurityTxt.Find(files, Now);

        Assert.True(document?.IsValid);
        Assert.Equal("Contact", document?.Fields[0].Name);
    }

    [Fact]
    public void A_restructured_text_policy_is_read()
    {
        var files = new InMemoryRepositoryFiles().Add("/SECURITY.rst", "Security\n========\n\nMail psirt@example.com.\n");

        var report = SecurityPolicy.Read(files);

        Assert.Equal(("/SECURITY.rst", 4), (report.Path, report.Contacts.Single().Line));
    }
}
