using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class GenericScanTests
{
    [Fact]
    public void An_empty_root_has_no_update_mechanism()
    {
        var result = Scan.Run(new InMemoryFileView().Add("/etc/passwd", "root:x:0:0::/root:/bin/sh\n"));

        Assert.True(result.NoUpdateMechanismFound);
        Assert.Empty(result.OtherTransportIssues);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Insecure_download_switches_under_etc_are_reported_with_file_and_line_even_without_a_mechanism()
    {
        var view = new InMemoryFileView()
            .Add("/etc/init.d/fetch-config", "#!/bin/sh\n# curl -k is commented out\ncurl -sSk https://cfg.example.com/c.json -o /tmp/c\nwget --no-check-certificate https://x.example/y\n")
            .Add("/etc/app/client.c", "curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);\ncurl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0);\n")
            .Add("/etc/app/sources", "mirror=ftp://mirror.example.com/pub\nboot=tftp://10.0.0.1/image\ndocs=http://example.com/ignored-outside-updaters\n");

        var result = Scan.Run(view);

        Assert.True(result.NoUpdateMechanismFound);
        Assert.Equal(
            [
                ("/etc/app/client.c", 1, TransportIssueKind.TlsVerificationDisabled),
                ("/etc/app/client.c", 2, TransportIssueKind.TlsHostnameCheckDisabled),
                ("/etc/app/sources", 1, TransportIssueKind.PlainFtp),
                ("/etc/app/sources", 2, TransportIssueKind.Tftp),
                ("/etc/init.d/fetch-config", 3, TransportIssueKind.TlsVerificationDisabled),
                ("/etc/init.d/fetch-config", 4, TransportIssueKind.TlsVerificationDisabled),
            ],
            result.OtherTransportIssues.Select(i => (i.Location.Path, i.Location.Line, i.Kind)));
    }

    [Fact]
    public void A_vendor_update_script_that_downloads_over_http_and_checks_an_md5_is_an_unsigned_custom_updater()
    {
        var view = new InMemoryFileView()
            .Add("/usr/sbin/fw_upgrade.sh", "#!/bin/sh\nwget -O /tmp/fw.bin http://updates.vendor.example/fw.bin\nmd5sum -c /tmp/fw.md5 || exit 1\nmtd -r write /tmp/fw.bin firmware\n")
            .Add("/etc/crontabs/root", "30 2 * * * /usr/sbin/fw_upgrade.sh\n")
            .Add("/usr/bin/update-alternatives", "#!/bin/sh\nwget http://not-an-updater.example\n");

        var result = Scan.Run(view);

        var script = Assert.Single(result.Findings);
        Assert.Equal(UpdateFrameworkNames.CustomScript, script.Name);
        Assert.Equal(["/usr/sbin/fw_upgrade.sh"], script.Evidence);
        Assert.Equal(Enforcement.NotEnforced, script.SignatureEnforcement.State);
        Assert.Contains("md5sum", script.SignatureEnforcement.Reason, StringComparison.Ordinal);
        var issue = Assert.Single(script.TransportIssues);
        Assert.Equal((TransportIssueKind.PlainHttp, 2, TransportSeverity.Failure), (issue.Kind, issue.Location.Line, issue.Severity));
        Assert.Equal(Presence.Present, script.AutomaticChecks.State);
    }

    [Fact]
    public void A_vendor_script_that_runs_a_verify_command_leaves_enforcement_for_a_reader()
    {
        var view = new InMemoryFileView()
            .Add("/usr/bin/ota-update", "#!/bin/sh\ncurl -o /tmp/u.tar https://u.example/u.tar\nopenssl dgst -sha256 -verify /etc/ota.pem -signature /tmp/u.sig /tmp/u.tar\n");

        var script = Scan.Single(view, UpdateFrameworkNames.CustomScript);

        Assert.Equal(Enforcement.Unknown, script.SignatureEnforcement.State);
        Assert.Contains("/usr/bin/ota-update:3", script.SignatureEnforcement.Reason, StringComparison.Ordinal);
        Assert.Equal(Presence.Absent, script.AutomaticChecks.State);
    }

    [Fact]
    public void Android_update_engine_and_aktualizr_are_recognised_by_their_files()
    {
        var view = new InMemoryFileView()
            .Add("/system/bin/update_engine", Scan.Elf)
            .Add("/usr/bin/aktualizr", Scan.Elf)
            .Add("/lib/systemd/system/aktualizr.service", "[Service]\nExecStart=/usr/bin/aktualizr --config /usr/lib/sota/conf.d\n");

        var result = Scan.Run(view);

        Assert.Equal([UpdateFrameworkNames.AndroidUpdateEngine, UpdateFrameworkNames.Aktualizr], result.Findings.Select(f => f.Name));
        Assert.Equal(Presence.Present, result.Findings[1].AutomaticChecks.State);
        Assert.All(result.Findings, f => Assert.Equal(Enforcement.Unknown, f.SignatureEnforcement.State));
    }

    [Fact]
    public void Several_mechanisms_are_reported_in_a_fixed_order_and_the_scan_is_deterministic()
    {
        var view = new InMemoryFileView()
            .Add("/etc/apt/sources.list", "deb https://deb.debian.org/debian bookworm main\n")
            .Add("/etc/rauc/system.conf", "[keyring]\npath=k.pem\n")
            .Add("/etc/swupdate.cfg", "globals: { public-key-file = \"/etc/k.pem\"; };\n");

        var first = Scan.Run(view);
        var second = Scan.Run(view);

        Assert.Equal([UpdateFrameworkNames.SwUpdate, UpdateFrameworkNames.Rauc, UpdateFrameworkNames.Apt], first.Findings.Select(f => f.Name));
        Assert.Equal(
            first.Findings.Select(f => (f.SignatureEnforcement, f.DowngradeProtection, f.Redundancy, f.AutomaticChecks, string.Join("|", f.Evidence))),
            second.Findings.Select(f => (f.SignatureEnforcement, f.DowngradeProtection, f.Redundancy, f.AutomaticChecks, string.Join("|", f.Evidence))));
    }
}
