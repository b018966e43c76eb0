using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Rules.UserFiles;

namespace ComplianceAuditor.Rules.Tests.UserFiles;

public sealed class DeclarationLoaderTests
{
    private static readonly RuleSet BuiltIn = RuleSetLoader.Load(Array.Empty<string>()).RuleSet!;
    private static readonly DateOnly AuditDate = new(2026, 11, 24);

    [Fact]
    public void Facts_and_answers_load_normalised()
    {
        using var file = new TempFile("""
            schemaVersion: 1
            product: { manufacturer: Example Ltd, model: EC-1, date: 2026-11-01 }
            facts:
              device-class: linux-class
              connectivity: [wifi, bluetooth]
              telemetry: false
            provisions:
              etsi-en-303-645:
                "5.8-3": { met: true, evidence: "manual 1.4" }
                5.11-2: { met: false, justification: "planned for 1.6" }
            """);

        var (declaration, errors) = DeclarationLoader.Load(file.Path, BuiltIn, AuditDate);

        Assert.Empty(errors);
        Assert.Equal("Example Ltd", declaration!.Product.Manufacturer);
        Assert.Equal("false", declaration.Fact("telemetry")!.Value);
        Assert.True(declaration.Fact("connectivity")!.Is("bluetooth"));
        Assert.Equal(64, declaration.Sha256.Length);
        var met = declaration.Answer(new ProvisionRef("etsi-en-303-645", "5.8-3"))!;
        Assert.True(met.Met);
        Assert.Equal("manual 1.4", met.Evidence);
        Assert.False(declaration.Answer(new ProvisionRef("etsi-en-303-645", "5.11-2"))!.Met);
    }

    public static TheoryData<string, string> Broken() => new()
    {
        { "facts: { no-such-fact: true }", "unknown fact 'no-such-fact'" },
        { "facts: { telemetry: maybe }", "fact 'telemetry' (true or false) cannot be 'maybe'" },
        { "facts: { device-class: mainframe }", "one of constrained, linux-class" },
        { "facts: { device-class: [constrained] }", "takes one value, not a list" },
        { "facts: { support-period-end: 2031-02-30 }", "a date YYYY-MM-DD" },
        { "facts: { disclosure-policy-url: \"ftp://example.com\" }", "an http(s):// or mailto: address" },
        { "provisions: { no-such-scheme: {} }", "unknown scheme 'no-such-scheme'" },
        { "provisions: { uk-psti: { Sch9-9: { met: true, evidence: x } } }", "scheme 'uk-psti' has no provision 'Sch9-9'" },
        { "provisions: { etsi-en-303-645: { 5.5-2: { met: true, evidence: x } } }", "is not settled by declaration" },
        { "provisions: { etsi-en-303-645: { 5.8-3: { met: false } } }", "justification" },
        { "provisions: { etsi-en-303-645: { 5.8-3: { met: true } } }", "evidence" },
        { "product: { colour: red }", "colour" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Mistakes_are_errors_with_their_position_not_silently_ignored(string body, string expected)
    {
        using var file = new TempFile("schemaVersion: 1\n" + body + "\n");

        var (declaration, errors) = DeclarationLoader.Load(file.Path, BuiltIn, AuditDate);

        Assert.Null(declaration);
        var error = Assert.Single(errors);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("file.yaml:", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_disclosure_policy_answers_5_2_1_and_an_ended_support_period_fails_5_3_13()
    {
        using var file = new TempFile("""
            schemaVersion: 1
            facts:
              disclosure-policy-url: https://example.com/.well-known/security.txt
              support-period-end: 2025-12-31
              support-period-url: https://example.com/support
            """);

        var (declaration, _) = DeclarationLoader.Load(file.Path, BuiltIn, AuditDate);

        var policy = declaration!.Answer(new ProvisionRef("etsi-en-303-645", "5.2-1"))!;
        Assert.True(policy.Met);
        Assert.Contains("https://example.com/.well-known/security.txt", policy.Evidence, StringComparison.Ordinal);
        var support = declaration.Answer(new ProvisionRef("etsi-en-303-645", "5.3-13"))!;
        Assert.False(support.Met);
        Assert.Contains("2025-12-31", support.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public void An_end_date_alone_is_no_publication_but_with_its_address_it_is_and_an_explicit_answer_wins()
    {
        using var dateOnly = new TempFile("schemaVersion: 1\nfacts:\n  support-period-end: 2031-12-31\n");
        using var file = new TempFile("""
            schemaVersion: 1
            facts:
              support-period-end: 2031-12-31
              support-period-url: https://example.com/support
              disclosure-policy-url: mailto:security@example.com
              statement-of-compliance: false
            provisions:
              etsi-en-303-645:
                "5.2-1": { met: false, justification: "the policy has no timelines yet" }
            """);

        var (alone, _) = DeclarationLoader.Load(dateOnly.Path, BuiltIn, AuditDate);
        var (declaration, _) = DeclarationLoader.Load(file.Path, BuiltIn, AuditDate);

        Assert.Null(alone!.Answer(new ProvisionRef("etsi-en-303-645", "5.3-13")));
        var support = declaration!.Answer(new ProvisionRef("etsi-en-303-645", "5.3-13"))!;
        Assert.True(support.Met);
        Assert.Contains("2031-12-31", support.Evidence, StringComparison.Ordinal);
        var policy = declaration.Answer(new ProvisionRef("etsi-en-303-645", "5.2-1"))!;
        Assert.False(policy.Met);
        Assert.Single(declaration.Answers, a => a.Provision == policy.Provision);
        // A boolean fact settles its provision both ways.
        Assert.False(declaration.Answer(new ProvisionRef("au-smart-device-rules-2025", "s9"))!.Met);
    }

    [Fact]
    public void Product_values_yaml_reads_as_numbers_are_kept_as_written()
    {
        using var file = new TempFile("schemaVersion: 1\nproduct: { model: 100, firmwareVersion: 1.10 }\n");

        var (declaration, errors) = DeclarationLoader.Load(file.Path, BuiltIn, AuditDate);

        Assert.Empty(errors);
        Assert.Equal(("100", "1.10"), (declaration!.Product.Model, declaration.Product.FirmwareVersion));
    }

    [ComplianceAuditor.Tests.Shared.UnixFact("/dev/zero")]
    public void A_device_that_never_ends_is_refused_at_the_size_limit()
    {
        var (declaration, errors) = DeclarationLoader.Load("/dev/zero", BuiltIn, AuditDate);

        Assert.Null(declaration);
        Assert.Contains("more than", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> Hostile() => new()
    {
        { "binary", [0x7f, (byte)'E', (byte)'L', (byte)'F', 0, 0xff, 0xfe, 0x00, 0x01] },
        { "deep nesting", System.Text.Encoding.UTF8.GetBytes("schemaVersion: 1\nfacts: " + new string('[', 5000)) },
        { "alias bomb", System.Text.Encoding.UTF8.GetBytes("schemaVersion: 1\nfacts: &a { telemetry: true }\nprovisions: *a\n") },
        { "too large", new byte[(1024 * 1024) + 1] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_files_give_an_error_not_a_crash(string name, byte[] bytes)
    {
        using var file = new TempFile(bytes, "hostile.yaml");

        var (declaration, errors) = DeclarationLoader.Load(file.Path, BuiltIn, AuditDate);

        Assert.True(declaration is null, name);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var (declaration, errors) = DeclarationLoader.Load("/nonexistent/declaration.yaml", BuiltIn, AuditDate);

        Assert.Null(declaration);
        Assert.Contains("does not exist", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
