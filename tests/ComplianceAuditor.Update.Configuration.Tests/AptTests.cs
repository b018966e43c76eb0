using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class AptTests
{
    [Fact]
    public void Plain_http_alone_is_a_warning_because_apt_verifies_release_files()
    {
        var view = new InMemoryFileView()
            .Add("/usr/bin/apt-get", Scan.Elf)
            .Add("/etc/apt/sources.list", "# comment http://x\ndeb http://deb.debian.org/debian bookworm main\n")
            .Add("/usr/share/keyrings/debian-archive-keyring.gpg", [0x99]);

        var apt = Scan.Single(view, UpdateFrameworkNames.Apt);

        Assert.Equal(Enforcement.Enforced, apt.SignatureEnforcement.State);
        Assert.True(apt.TrustedKeysPresent);
        var issue = Assert.Single(apt.TransportIssues);
        Assert.Equal((2, TransportSeverity.Warning), (issue.Location.Line, issue.Severity));
        Assert.Equal(Presence.Absent, apt.AutomaticChecks.State);
    }

    [Fact]
    public void Trusted_yes_on_an_http_source_is_unsigned_and_a_failure()
    {
        var view = new InMemoryFileView()
            .Add("/etc/apt/sources.list", "deb https://deb.debian.org/debian bookworm main\n")
            .Add("/etc/apt/sources.list.d/vendor.list", "deb [arch=arm64 trusted=yes] http://apt.vendor.example stable main\n");

        var apt = Scan.Single(view, UpdateFrameworkNames.Apt);

        Assert.Equal(Enforcement.NotEnforced, apt.SignatureEnforcement.State);
        Assert.Contains("apt.vendor.example", apt.SignatureEnforcement.Reason, StringComparison.Ordinal);
        var issue = Assert.Single(apt.TransportIssues);
        Assert.Equal(("/etc/apt/sources.list.d/vendor.list", TransportSeverity.Failure), (issue.Location.Path, issue.Severity));
    }

    [Fact]
    public void Deb822_sources_and_apt_conf_switches_are_read()
    {
        var view = new InMemoryFileView()
            .Add("/etc/apt/sources.list.d/vendor.sources", "Types: deb\nURIs: http://apt.vendor.example\nSuites: stable\nAllow-Insecure: yes\n\nTypes: deb\nURIs: https://x.example\nEnabled: no\n")
            .Add("/etc/apt/apt.conf.d/99insecure", "Acquire { https { Verify-Peer \"false\"; }; };\nAcquire::Check-Valid-Until \"false\";\n")
            .Add("/etc/apt/apt.conf.d/20auto-upgrades", "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n");

        var apt = Scan.Single(view, UpdateFrameworkNames.Apt);

        Assert.Equal(Enforcement.NotEnforced, apt.SignatureEnforcement.State);
        Assert.Equal(
            [(TransportIssueKind.TlsVerificationDisabled, "/etc/apt/apt.conf.d/99insecure", 1), (TransportIssueKind.PlainHttp, "/etc/apt/sources.list.d/vendor.sources", 2)],
            apt.TransportIssues.Select(i => (i.Kind, i.Location.Path, i.Location.Line)));
        Assert.Equal(Enforcement.NotEnforced, apt.DowngradeProtection.State);
        Assert.Contains(apt.Weaknesses, w => w.Code == "apt-check-valid-until-off");
        Assert.Equal(Presence.Present, apt.AutomaticChecks.State);
    }

    [Fact]
    public void Allow_insecure_repositories_in_apt_conf_turns_enforcement_off()
    {
        var view = new InMemoryFileView()
            .Add("/etc/apt/sources.list", "deb https://deb.debian.org/debian bookworm main\n")
            .Add("/etc/apt/apt.conf", "Acquire::AllowInsecureRepositories \"true\";\n");

        var apt = Scan.Single(view, UpdateFrameworkNames.Apt);

        Assert.Equal(Enforcement.NotEnforced, apt.SignatureEnforcement.State);
        Assert.Contains("/etc/apt/apt.conf:1", apt.SignatureEnforcement.Reason, StringComparison.Ordinal);
    }
}
