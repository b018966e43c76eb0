using ComplianceAuditor.ProcessEvidence.Disclosure;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class SecurityPolicyTests
{
    private const string FullPolicy = """
        # Security Policy

        ## Supported Versions

        | Version | Supported          |
        | ------- | ------------------ |
        | 2.x     | :white_check_mark: |

        ## Reporting a Vulnerability

        Please email security@example.com with the details.
        We acknowledge reports within 48 hours and aim to release a fix within 90 days.
        """;

    [Fact]
    public void Full_policy_has_contact_timeline_and_table_with_lines()
    {
        var files = new InMemoryRepositoryFiles().Add("/.github/SECURITY.md", FullPolicy);

        var report = SecurityPolicy.Read(files);

        Assert.Equal("/.github/SECURITY.md", report.Path);
        Assert.True(report.HasContact);
        Assert.Equal(11, report.Contacts.Single().Line);
        Assert.True(report.HasTimelines);
        var timeline = report.Timelines.Single();
        Assert.Equal(12, timeline.Evidence.Line);
        Assert.Equal([TimelineKind.Acknowledgement, TimelineKind.Fix], timeline.Kinds);
        Assert.False(report.HasTimeline(TimelineKind.StatusUpdate));
        Assert.Empty(report.PersonalDataDemands);
        Assert.Equal(5, report.SupportedVersionsTable?.Line);
    }

    [Fact]
    public void Policy_without_contact_or_timelines_says_so()
    {
        var files = new InMemoryRepositoryFiles().Add("/SECURITY.md", "# Security\n\nWe take security seriously and fix bugs quickly.\n");

        var report = SecurityPolicy.Read(files);

        Assert.True(report.Exists);
        Assert.False(report.HasContact);
        Assert.False(report.HasTimelines);
        Assert.False(report.HasSupportedVersions);
    }

    [Fact]
    public void A_report_instruction_with_a_link_is_a_contact_but_a_bare_link_is_not()
    {
        var report = SecurityPolicy.Analyse("/SECURITY.md",
            "See our website at https://example.com for news.\nReport issues through [this form](https://example.com/vdp).\n");

        Assert.Equal([2], report.Contacts.Select(c => c.Line));
    }

    [Fact]
    public void Github_private_advisory_link_is_a_contact()
    {
        var report = SecurityPolicy.Analyse("/SECURITY.md", "Use https://github.com/acme/widget/security/advisories/new please.\n");

        Assert.True(report.HasContact);
    }

    [Fact]
    public void A_number_without_a_response_word_is_not_a_timeline()
    {
        var report = SecurityPolicy.Analyse("/SECURITY.md", "The project is 10 years old.\nWe will respond within 5 business days.\n");

        Assert.Equal([2], report.Timelines.Select(t => t.Evidence.Line));
    }

    [Fact]
    public void Status_update_promise_is_its_own_kind()
    {
        var report = SecurityPolicy.Analyse("/SECURITY.md", "We will keep you informed of progress at least every 14 days.\n");

        Assert.True(report.HasTimeline(TimelineKind.StatusUpdate));
        Assert.False(report.HasTimeline(TimelineKind.Acknowledgement));
    }

    [Fact]
    public void Demand_for_reporter_identity_is_flagged()
    {
        var report = SecurityPolicy.Analyse("/SECURITY.md",
            "Send reports to psirt@example.com.\nReporters must include their full name and phone number.\nYou may stay anonymous.\n");

        Assert.Equal([2], report.PersonalDataDemands.Select(d => d.Line));
    }

    [Fact]
    public void Root_policy_is_preferred_and_missing_policy_is_absent()
    {
        var both = new InMemoryRepositoryFiles().Add("/docs/SECURITY.md", "x").Add("/security.md", "contact: a@example.com");
        Assert.Equal("/security.md", SecurityPolicy.Read(both).Path);

        var none = SecurityPolicy.Read(new InMemoryRepositoryFiles().Add("/README.md", "email security@example.com"));
        Assert.False(none.Exists);
        Assert.False(none.HasContact);
    }
}
