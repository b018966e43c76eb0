using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class SwUpdateTests
{
    private const string CorpusConfig = "swupdate/examples/configuration/swupdate.cfg";

    [SharedFact("corpus/" + CorpusConfig)]
    public void The_corpus_example_configuration_shows_plain_http_servers_and_tls_verification_off()
    {
        var text = Corpus.Text(CorpusConfig);
        var view = new InMemoryFileView().Add("/usr/bin/swupdate", Scan.Elf).Add("/etc/swupdate.cfg", text);

        var swupdate = Scan.Single(view, UpdateFrameworkNames.SwUpdate);

        var http = swupdate.TransportIssues.Where(i => i.Kind == TransportIssueKind.PlainHttp).Select(i => i.Location.Line).ToList();
        Assert.Equal(
            [Corpus.LineOf(text, "\"http://example.com/software.swu\""), Corpus.LineOf(text, "http://papero.fritz.box"),
             Corpus.LineOf(text, "http://gserver.example.com/update"), Corpus.LineOf(text, "http://gserver.example.com/log")],
            http);
        var tls = Assert.Single(swupdate.TransportIssues, i => i.Kind == TransportIssueKind.TlsVerificationDisabled);
        Assert.Equal(new FileLocation("/etc/swupdate.cfg", Corpus.LineOf(text, "nocheckcert\t= true")), tls.Location);
        Assert.Contains("nocheckcert", tls.Setting, StringComparison.Ordinal);
    }

    [SharedFact("corpus/" + CorpusConfig)]
    public void The_corpus_example_has_no_key_a_minimum_version_per_update_type_and_a_polling_server()
    {
        var view = new InMemoryFileView().Add("/etc/swupdate.cfg", Corpus.Text(CorpusConfig));

        var swupdate = Scan.Single(view, UpdateFrameworkNames.SwUpdate);

        // The public-key-file line is inside a /* */ comment: no key, so unsigned images are accepted.
        Assert.Equal(Enforcement.NotEnforced, swupdate.SignatureEnforcement.State);
        Assert.False(swupdate.TrustedKeysPresent);
        Assert.All(swupdate.TransportIssues, i => Assert.Equal(TransportSeverity.Failure, i.Severity));
        Assert.Equal(Enforcement.Enforced, swupdate.DowngradeProtection.State);
        Assert.Contains("5.0", swupdate.DowngradeProtection.Reason, StringComparison.Ordinal);
        Assert.Equal(Presence.Present, swupdate.AutomaticChecks.State);
        Assert.Contains("papero.fritz.box", swupdate.AutomaticChecks.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_configured_device_enforces_signatures_minimum_version_and_has_two_copies()
    {
        var view = new InMemoryFileView()
            .Add("/usr/bin/swupdate", Scan.Elf)
            .Add("/etc/swupdate/public.pem", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n")
            .Add("/etc/swupdate.cfg", "suricatta: { url = \"https://hawkbit.example.com\"; polldelay = 300; };\n")
            .Add("/etc/default/swupdate", "SWUPDATE_ARGS=\"-v -k /etc/swupdate/public.pem -N 2.1.0 -e stable,copy2\"\n");

        var swupdate = Scan.Single(view, UpdateFrameworkNames.SwUpdate);

        Assert.Equal(Enforcement.Enforced, swupdate.SignatureEnforcement.State);
        Assert.True(swupdate.TrustedKeysPresent);
        Assert.Equal(["/etc/swupdate/public.pem"], swupdate.TrustedKeyPaths);
        Assert.Equal(Enforcement.Enforced, swupdate.DowngradeProtection.State);
        Assert.Contains("/etc/default/swupdate:1", swupdate.DowngradeProtection.Reason, StringComparison.Ordinal);
        Assert.Equal(Presence.Present, swupdate.Redundancy.State);
        Assert.Equal(Presence.Present, swupdate.AutomaticChecks.State);
        Assert.Empty(swupdate.TransportIssues);
        Assert.Empty(swupdate.Weaknesses);
    }

    [Fact]
    public void Start_options_in_a_systemd_unit_count_and_a_missing_key_file_is_a_weakness()
    {
        var view = new InMemoryFileView()
            .Add("/lib/systemd/system/swupdate.service",
                "[Service]\nExecStart=/usr/bin/swupdate -k /etc/missing.pem -u \"-t default -x -u http://10.0.0.2:8080\"\n");

        var swupdate = Scan.Single(view, UpdateFrameworkNames.SwUpdate);

        Assert.Equal(Enforcement.Enforced, swupdate.SignatureEnforcement.State);
        Assert.False(swupdate.TrustedKeysPresent);
        Assert.Contains(swupdate.Weaknesses, w => w.Code == "trusted-key-file-missing");
        Assert.Contains(swupdate.TransportIssues, i => i.Kind == TransportIssueKind.PlainHttp && i.Severity == TransportSeverity.Warning);
        Assert.Contains(swupdate.TransportIssues, i => i.Kind == TransportIssueKind.TlsVerificationDisabled);
        Assert.Equal(Presence.Present, swupdate.AutomaticChecks.State);
        Assert.Equal(Enforcement.NotEnforced, swupdate.DowngradeProtection.State);
    }

    [Fact]
    public void The_program_alone_leaves_the_verdicts_unknown_and_a_timer_makes_checks_automatic()
    {
        var view = new InMemoryFileView()
            .Add("/usr/bin/swupdate", Scan.Elf)
            .Add("/lib/systemd/system/fw-check.timer", "[Timer]\nOnCalendar=daily\n")
            .Add("/lib/systemd/system/fw-check.service", "[Service]\nExecStart=/usr/bin/swupdate -d -u https://updates.example.com/fw.swu\n");

        var swupdate = Scan.Single(view, UpdateFrameworkNames.SwUpdate);

        Assert.Equal(Presence.Present, swupdate.AutomaticChecks.State);
        Assert.Contains("fw-check.timer", swupdate.AutomaticChecks.Reason, StringComparison.Ordinal);
        Assert.Equal(Enforcement.NotEnforced, swupdate.SignatureEnforcement.State);
    }

    [Fact]
    public void Without_any_start_option_or_configuration_signature_enforcement_is_unknown()
    {
        var swupdate = Scan.Single(new InMemoryFileView().Add("/usr/bin/swupdate", Scan.Elf), UpdateFrameworkNames.SwUpdate);

        Assert.Equal(Enforcement.Unknown, swupdate.SignatureEnforcement.State);
        Assert.Null(swupdate.TrustedKeysPresent);
        Assert.Equal(Presence.Absent, swupdate.AutomaticChecks.State);
        Assert.Equal(Presence.Unknown, swupdate.Redundancy.State);
    }
}
