using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class OstreeFwupdTests
{
    [Fact]
    public void An_ostree_remote_with_gpg_verification_off_over_http_is_unsigned_and_flagged()
    {
        var view = new InMemoryFileView()
            .Add("/usr/bin/ostree", Scan.Elf)
            .Add("/etc/ostree/remotes.d/vendor.conf", "[remote \"vendor\"]\nurl=http://ostree.example.com/repo\ngpg-verify=false\ntls-permissive=true\n");

        var ostree = Scan.Single(view, UpdateFrameworkNames.OsTree);

        Assert.Equal(Enforcement.NotEnforced, ostree.SignatureEnforcement.State);
        Assert.Contains("vendor", ostree.SignatureEnforcement.Reason, StringComparison.Ordinal);
        Assert.Equal(Enforcement.NotEnforced, ostree.DowngradeProtection.State);
        Assert.Equal(
            [(TransportIssueKind.PlainHttp, 2), (TransportIssueKind.TlsVerificationDisabled, 4)],
            ostree.TransportIssues.Select(i => (i.Kind, i.Location.Line)));
        Assert.All(ostree.TransportIssues, i => Assert.Equal(TransportSeverity.Failure, i.Severity));
        Assert.Equal(Presence.Present, ostree.Redundancy.State);
    }

    [Fact]
    public void An_ostree_remote_verifying_by_default_with_a_keyring_is_enforced()
    {
        var view = new InMemoryFileView()
            .Add("/ostree/repo/config", "[core]\nmode=bare\n[remote \"os\"]\nurl=https://ostree.example.com/repo\n")
            .Add("/usr/share/ostree/trusted.gpg.d/os.gpg", [0x99, 0x01])
            .Add("/etc/rpm-ostreed.conf", "[Daemon]\nAutomaticUpdatePolicy=stage\n");

        var ostree = Scan.Single(view, UpdateFrameworkNames.OsTree);

        Assert.Equal(Enforcement.Enforced, ostree.SignatureEnforcement.State);
        Assert.True(ostree.TrustedKeysPresent);
        Assert.Equal(Enforcement.Enforced, ostree.DowngradeProtection.State);
        Assert.Empty(ostree.TransportIssues);
        Assert.Equal(Presence.Present, ostree.AutomaticChecks.State);
    }

    [Fact]
    public void Fwupd_with_only_trusted_off_and_an_unsigned_http_remote_is_not_enforced()
    {
        var view = new InMemoryFileView()
            .Add("/etc/fwupd/daemon.conf", "[fwupd]\nOnlyTrusted=false\n")
            .Add("/etc/fwupd/remotes.d/vendor.conf", "[fwupd Remote]\nEnabled=true\nKeyring=none\nMetadataURI=http://fw.example.com/firmware.xml.gz\n");

        var fwupd = Scan.Single(view, UpdateFrameworkNames.Fwupd);

        Assert.Equal(Enforcement.NotEnforced, fwupd.SignatureEnforcement.State);
        Assert.Contains("OnlyTrusted=false", fwupd.SignatureEnforcement.Reason, StringComparison.Ordinal);
        Assert.Contains("Keyring=none", fwupd.SignatureEnforcement.Reason, StringComparison.Ordinal);
        var issue = Assert.Single(fwupd.TransportIssues);
        Assert.Equal((TransportIssueKind.PlainHttp, 4), (issue.Kind, issue.Location.Line));
        Assert.Equal(Presence.Absent, fwupd.AutomaticChecks.State);
    }

    [Fact]
    public void Fwupd_defaults_with_a_refresh_timer_are_enforced_and_automatic()
    {
        var view = new InMemoryFileView()
            .Add("/usr/bin/fwupdmgr", Scan.Elf)
            .Add("/etc/fwupd/remotes.d/lvfs.conf", "[fwupd Remote]\nEnabled=true\nKeyring=jcat\nMetadataURI=https://cdn.fwupd.org/downloads/firmware.xml.xz\n")
            .Add("/usr/lib/systemd/system/fwupd-refresh.timer", "[Timer]\nOnCalendar=*-*-* 6,18:00\n")
            .Add("/usr/lib/systemd/system/fwupd-refresh.service", "[Service]\nExecStart=/usr/bin/fwupdmgr refresh\n");

        var fwupd = Scan.Single(view, UpdateFrameworkNames.Fwupd);

        Assert.Equal(Enforcement.Enforced, fwupd.SignatureEnforcement.State);
        Assert.Equal(Presence.Present, fwupd.AutomaticChecks.State);
        Assert.Equal(Enforcement.Unknown, fwupd.DowngradeProtection.State);
    }
}
