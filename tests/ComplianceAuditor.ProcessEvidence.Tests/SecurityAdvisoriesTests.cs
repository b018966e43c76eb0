using ComplianceAuditor.ProcessEvidence.Advisories;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class SecurityAdvisoriesTests
{
    [Fact]
    public void Keep_a_changelog_security_section_gives_ids_and_fixes_with_release_and_date()
    {
        const string changelog = """
            # Changelog

            ## [Unreleased]
            ### Security
            - Harden the web UI session cookie.

            ## [2.0.1] - 2026-03-02
            ### Security
            - Fix CVE-2026-1111 and cve-2026-22222 in the TLS parser.
            ### Fixed
            - Crash when the SD card is missing.
            """;

        var entries = SecurityAdvisories.Scan("/CHANGELOG.md", changelog);

        Assert.Equal(
            [
                (AdvisoryKind.SecurityFix, "", 5, "unreleased", (DateOnly?)null),
                (AdvisoryKind.Cve, "CVE-2026-1111", 9, "2.0.1", new DateOnly(2026, 3, 2)),
                (AdvisoryKind.Cve, "CVE-2026-22222", 9, "2.0.1", new DateOnly(2026, 3, 2)),
            ],
            entries.Select(e => (e.Kind, e.Id, e.Evidence.Line, e.Release, e.ReleaseDate)));
    }

    [Fact]
    public void Underlined_and_bare_release_headings_are_recognised()
    {
        const string news = """
            Version 3.1 (12 May 2025)
            =========================

            * Security fix: the update client now checks the certificate chain.

            3.0.0 / 2024-11-30
            * New web interface.
            """;

        var entry = Assert.Single(SecurityAdvisories.Scan("/NEWS", news));

        Assert.Equal((AdvisoryKind.SecurityFix, 4, "3.1", (DateOnly?)new DateOnly(2025, 5, 12)), (entry.Kind, entry.Evidence.Line, entry.Release, entry.ReleaseDate));
    }

    [Fact]
    public void A_calendar_version_is_not_read_as_a_date()
    {
        var entry = Assert.Single(SecurityAdvisories.Scan("/CHANGES.md", "## 2024.1\n- Security fix for the shell.\n"));

        Assert.Equal(("2024.1", (DateOnly?)null), (entry.Release, entry.ReleaseDate));
    }

    [Fact]
    public void Release_notes_advisory_files_and_published_channels_are_told_apart()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/CHANGELOG.md", "## 1.0.0\n- First release.\n")
            .Add("/docs/release-notes.md", "nothing here\n")
            .Add("/security/advisories/2025-01.md", "Fixed in 1.0.1: CVE-2025-0001.\n")
            .Add("/README.md", "Security advisories: https://example.com/psirt\n")
            .Add("/SECURITY.md", "Report at https://github.com/acme/fw/security/advisories/new\n")
            .Add("/vendor/lib/CHANGELOG.md", "CVE-2020-9999\n")
            .Add("/src/changes.c", "/* CVE-2019-0001 workaround */\n");

        var report = SecurityAdvisories.Find(files);

        Assert.Equal(["/CHANGELOG.md", "/docs/release-notes.md"], report.ReleaseNotes);
        Assert.Equal(["/security/advisories/2025-01.md"], report.AdvisoryFiles);
        Assert.Equal(["CVE-2025-0001"], report.DistinctIds.Select(e => e.Id));
        Assert.Equal("/README.md", Assert.Single(report.Of(AdvisoryKind.PublishedChannel)).Evidence.Path);
        Assert.True(report.HasSecurityEntries);
    }

    [Fact]
    public void A_changelog_without_security_entries_has_none()
    {
        var report = SecurityAdvisories.Find(new InMemoryRepositoryFiles().Add("/HISTORY.rst", "1.0\n---\n\n* Initial release.\n"));

        Assert.Equal(["/HISTORY.rst"], report.ReleaseNotes);
        Assert.False(report.HasSecurityEntries);
    }

    [Fact]
    public void Entries_per_file_are_bounded()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"- CVE-2025-{10000 + i}\n"));

        Assert.Equal(500, SecurityAdvisories.Scan("/CHANGELOG.md", text).Count);
    }
}
