using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Rules.UserFiles;

namespace ComplianceAuditor.Rules.Tests.UserFiles;

public sealed class WaiverLoaderTests
{
    private static readonly Core.Rules.RuleSet BuiltIn = RuleSetLoader.Load(Array.Empty<string>()).RuleSet!;

    [Fact]
    public void Waivers_load_in_file_order_with_where_they_are_written()
    {
        using var file = new TempFile("""
            schemaVersion: 1
            waivers:
              - fingerprint: "v1:0123456789abcdef0123456789abcdef"
                justification: accepted for the field trial only
                approver: J. Doe
                expires: 2027-01-31
              - rule: CMP1006
                artifact: "fw.bin!/**/httpd"
                justification: the path is read-only on the device
                approver: J. Doe
                expires: 2026-06-30
            """);

        var (waivers, errors) = WaiverLoader.Load(file.Path, BuiltIn);

        Assert.Empty(errors);
        Assert.Equal(2, waivers!.Waivers.Count);
        Assert.Equal("v1:0123456789abcdef0123456789abcdef", waivers.Waivers[0].Fingerprint);
        Assert.Equal(new DateOnly(2026, 6, 30), waivers.Waivers[1].Expires);
        Assert.EndsWith(":7:5", waivers.Waivers[1].Location, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Broken() => new()
    {
        { "- { rule: CMP9999, justification: accepted for now, approver: x, expires: 2027-01-01 }", "unknown rule 'CMP9999'" },
        { "- { rule: CMP1006, justification: accepted for now, approver: x, expires: 2027-02-30 }", "is not a date" },
        { "- { rule: CMP1006, approver: x, expires: 2027-01-01 }", "justification" },
        { "- { rule: CMP1006, justification: accepted for now, expires: 2027-01-01 }", "approver" },
        { "- { fingerprint: \"v1:0123456789abcdef0123456789abcdef\", rule: CMP1006, justification: accepted for now, approver: x, expires: 2027-01-01 }", "" },
        { "- { artifact: \"**\", justification: accepted for now, approver: x, expires: 2027-01-01 }", "" },
        { "- { fingerprint: abc, justification: accepted for now, approver: x, expires: 2027-01-01 }", "" },
        { "- { rule: CMP1006, artifact: \"fw.bin!/{a\", justification: accepted for now, approver: x, expires: 2027-01-01 }", "is not a usable glob" },
        { "- { rule: CMP1006, justification: \"            \", approver: x, expires: 2027-01-01 }", "" },
        { "- { rule: CMP1006, justification: \"  too short  \", approver: x, expires: 2027-01-01 }", "at least 10 characters" },
        { "- { rule: CMP1006, justification: accepted for now, approver: \" \", expires: 2027-01-01 }", "" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_waiver_that_could_accept_the_wrong_finding_or_none_is_an_error(string entry, string expected)
    {
        using var file = new TempFile("schemaVersion: 1\nwaivers:\n  " + entry + "\n");

        var (waivers, errors) = WaiverLoader.Load(file.Path, BuiltIn);

        Assert.Null(waivers);
        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }
}
