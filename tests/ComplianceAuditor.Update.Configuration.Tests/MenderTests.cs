using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class MenderTests
{
    [Fact]
    public void Without_a_verify_key_over_plain_http_with_skip_verify_everything_is_flagged()
    {
        var view = new InMemoryFileView().Add("/usr/bin/mender", Scan.Elf).Add("/etc/mender/mender.conf", """
            {
              "ServerURL": "http://mender.example.com",
              "SkipVerify": true,
              "RootfsPartA": "/dev/mmcblk0p2",
              "RootfsPartB": "/dev/mmcblk0p3",
              "UpdatePollIntervalSeconds": 600
            }
            """);

        var mender = Scan.Single(view, UpdateFrameworkNames.Mender);

        Assert.Equal(Enforcement.NotEnforced, mender.SignatureEnforcement.State);
        Assert.False(mender.TrustedKeysPresent);
        Assert.Equal(
            [(TransportIssueKind.PlainHttp, 2, TransportSeverity.Failure), (TransportIssueKind.TlsVerificationDisabled, 3, TransportSeverity.Failure)],
            mender.TransportIssues.Select(i => (i.Kind, i.Location.Line, i.Severity)));
        Assert.Equal(Presence.Present, mender.Redundancy.State);
        Assert.Equal(Presence.Present, mender.AutomaticChecks.State);
        Assert.Contains("600", mender.AutomaticChecks.Reason, StringComparison.Ordinal);
        Assert.Equal(Enforcement.NotEnforced, mender.DowngradeProtection.State);
    }

    [Fact]
    public void A_verify_key_in_the_file_system_enforces_signatures()
    {
        var view = new InMemoryFileView()
            .Add("/etc/mender/mender.conf", """{ "ArtifactVerifyKeys": ["/etc/mender/artifact-verify-key.pem"], "Servers": [ { "ServerURL": "https://hosted.mender.io" } ] }""")
            .Add("/etc/mender/artifact-verify-key.pem", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n")
            .Add("/var/lib/mender/mender.conf", """{ "RootfsPartA": "/dev/sda2" }""");

        var mender = Scan.Single(view, UpdateFrameworkNames.Mender);

        Assert.Equal(Enforcement.Enforced, mender.SignatureEnforcement.State);
        Assert.True(mender.TrustedKeysPresent);
        Assert.Empty(mender.TransportIssues);
        Assert.Equal(Presence.Absent, mender.Redundancy.State);
        Assert.Contains("1800", mender.AutomaticChecks.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Standalone_mode_has_no_automatic_checks_and_invalid_json_is_a_problem_not_an_exception()
    {
        var standalone = Scan.Single(new InMemoryFileView().Add("/etc/mender/mender.conf", "{ }"), UpdateFrameworkNames.Mender);
        var broken = Scan.Run(new InMemoryFileView().Add("/etc/mender/mender.conf", "{ \"ServerURL\": "));

        Assert.Equal(Presence.Absent, standalone.AutomaticChecks.State);
        Assert.Equal(Presence.Unknown, standalone.Redundancy.State);
        Assert.Contains(broken.Problems, p => p.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.Equal(Enforcement.NotEnforced, Assert.Single(broken.Findings).SignatureEnforcement.State);
    }
}
