using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// CMP2052 (no unauthenticated channel for unsigned updates), CMP2053 (no unauthenticated channel at all) and CMP2054
/// (updates are looked for automatically), on SWUpdate and Mender roots.
/// </summary>
public sealed class UpdateTransportRuleTests
{
    private static string Suricatta(string url, bool key, bool noCheckCert) => $$"""
        globals :
        {
            verbose = true;{{(key ? "\n    public-key-file = \"/etc/swupdate/public.pem\";" : string.Empty)}}
        };

        suricatta :
        {
            tenant = "default";
            id = "device-0001";
            url = "{{url}}";
            polldelay = 300;{{(noCheckCert ? "\n    nocheckcert = true;" : string.Empty)}}
        };
        """;

    private static LinuxRoot SwUpdateRoot(string config) =>
        new LinuxRoot().SwUpdate(config).Add("/etc/swupdate/public.pem", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n");

    [Fact]
    public async Task Unsigned_updates_over_plain_HTTP_with_certificate_checks_off_fail_both_transport_rules()
    {
        using var root = SwUpdateRoot(Suricatta("http://hawkbit.example.com:8080", key: false, noCheckCert: true));

        var results = await root.AuditAsync("CMP2052", "CMP2053");
        var unauthenticated = RuleAudit.Only(results, "CMP2052");
        var plaintext = RuleAudit.Only(results, "CMP2053");

        Assert.Equal(Outcome.Fail, unauthenticated.Outcome);
        Assert.Contains("update source over plain HTTP at /etc/swupdate.cfg:", unauthenticated.Reason, StringComparison.Ordinal);
        Assert.Contains("TLS certificate verification switched off at /etc/swupdate.cfg:", unauthenticated.Reason, StringComparison.Ordinal);
        Assert.All(unauthenticated.Evidence, e => Assert.Contains("payload signatures: NotEnforced", e.Description, StringComparison.Ordinal));
        Assert.Equal(Outcome.Fail, plaintext.Outcome);
    }

    [Fact]
    public async Task Signed_updates_over_plain_HTTP_pass_CMP2052_but_fail_CMP2053()
    {
        using var root = SwUpdateRoot(Suricatta("http://hawkbit.example.com:8080", key: true, noCheckCert: false));

        var results = await root.AuditAsync("CMP2052", "CMP2053");
        var plaintext = RuleAudit.Only(results, "CMP2053");

        Assert.Equal(Outcome.Pass, RuleAudit.Only(results, "CMP2052").Outcome);
        Assert.Equal(Outcome.Fail, plaintext.Outcome);
        Assert.Contains("http://hawkbit.example.com:8080", plaintext.Reason, StringComparison.Ordinal);
        Assert.Contains("payload signatures: Enforced", Assert.Single(plaintext.Evidence).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_updates_over_verified_HTTPS_pass_both_transport_rules()
    {
        using var root = SwUpdateRoot(Suricatta("https://hawkbit.example.com", key: true, noCheckCert: false));

        var results = await root.AuditAsync("CMP2052", "CMP2053");

        Assert.Equal(Outcome.Pass, RuleAudit.Only(results, "CMP2052").Outcome);
        Assert.Equal(Outcome.Pass, RuleAudit.Only(results, "CMP2053").Outcome);
    }

    [Fact]
    public async Task Mender_with_SkipVerify_and_no_verify_key_fails_CMP2052()
    {
        using var root = new LinuxRoot().Add("/usr/bin/mender", LinuxRoot.Program)
            .Add("/etc/mender/mender.conf", "{\n  \"ServerURL\": \"https://hosted.mender.io\",\n  \"SkipVerify\": true\n}\n");

        var result = await root.JudgeAsync("CMP2052");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("TLS certificate verification switched off at /etc/mender/mender.conf:3: SkipVerify = true", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_update_mechanism_or_download_setting_the_transport_rules_are_not_applicable()
    {
        using var root = new LinuxRoot().Add("/etc/hostname", "device\n");

        var results = await root.AuditAsync("CMP2052", "CMP2053");

        Assert.All(results, r => Assert.Equal(Outcome.NotApplicable, r.Outcome));
    }

    [Fact]
    public async Task A_suricatta_server_passes_CMP2054_and_SWUpdate_waiting_for_a_push_fails()
    {
        using var polling = SwUpdateRoot(Suricatta("https://hawkbit.example.com", key: true, noCheckCert: false));
        using var waiting = SwUpdateRoot("globals :\n{\n    public-key-file = \"/etc/swupdate/public.pem\";\n};\n");

        var on = await polling.JudgeAsync("CMP2054");
        var off = await waiting.JudgeAsync("CMP2054");

        Assert.Equal(Outcome.Pass, on.Outcome);
        Assert.Contains("a suricatta server is configured", on.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, off.Outcome);
        Assert.Contains("no suricatta server, and no timer or cron job runs swupdate", off.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cron_job_that_runs_the_updater_passes_CMP2054()
    {
        using var root = SwUpdateRoot("globals :\n{\n    public-key-file = \"/etc/swupdate/public.pem\";\n};\n")
            .Add("/etc/cron.d/update", "30 3 * * * root /usr/bin/swupdate -d -u https://updates.example.com/latest.swu\n");

        var result = await root.JudgeAsync("CMP2054");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("/etc/cron.d/update:1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mender_with_a_server_polls_by_itself_and_passes_CMP2054()
    {
        using var root = new LinuxRoot().Add("/usr/bin/mender", LinuxRoot.Program)
            .Add("/etc/mender/mender.conf", """{ "ServerURL": "https://hosted.mender.io", "UpdatePollIntervalSeconds": 1800 }""");

        var result = await root.JudgeAsync("CMP2054");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("the Mender daemon polls", result.Reason, StringComparison.Ordinal);
    }
}
