using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Secrets.Tests;

/// <summary>secret-regex rules end to end: the secret is redacted in evidence unless shown, and the fingerprint is the same.</summary>
public sealed class SecretRegexRuleTests
{
    private const string Key = "AKIAZ4QW7RTY2UIOPLKJ";

    [Fact]
    public async Task A_cloud_key_is_redacted_in_the_excerpt_and_shown_on_request_with_one_fingerprint()
    {
        using var root = new TempDirectory();
        root.Write("etc/agent.conf", $"region=eu-west-1\naccess_key={Key}\n");

        var hidden = (await SecretsAudit.RunAsync(root.Path, "CMP2017")).On("CMP2017", "etc/agent.conf");
        var shown = (await SecretsAudit.RunAsync(root.Path, new EngineOptions { ShowSecrets = true }, "CMP2017")).On("CMP2017", "etc/agent.conf");

        Assert.Equal(Outcome.Fail, hidden.Outcome);
        var redacted = Assert.Single(hidden.Evidence);
        Assert.Equal(2, redacted.Line);
        Assert.DoesNotContain(Key, redacted.Excerpt, StringComparison.Ordinal);
        Assert.StartsWith("access_key=AKIA…[redacted sha256:", redacted.Excerpt, StringComparison.Ordinal);
        Assert.EndsWith("]", redacted.Excerpt, StringComparison.Ordinal);
        Assert.Equal($"access_key={Key}", Assert.Single(shown.Evidence).Excerpt);
        Assert.Equal(hidden.Fingerprint, shown.Fingerprint);
    }

    [Fact]
    public async Task A_redacted_excerpt_stops_after_the_secret_so_its_neighbours_stay_hidden()
    {
        using var root = new TempDirectory();
        root.Write("etc/agent.json", $"{{\"id\":\"{Key}\",\"mqtt_password\":\"Hk29dLq0Vx\"}}\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2017")).On("CMP2017", "etc/agent.json");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.DoesNotContain("Hk29dLq0Vx", Assert.Single(result.Evidence).Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placeholders_are_set_aside_and_said_to_be()
    {
        using var root = new TempDirectory();
        root.Write("etc/agent.conf", "access_key=AKIAIOSFODNN7EXAMPLE\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2017")).On("CMP2017", "etc/agent.conf");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("1 lookalike(s) set aside", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wifi_passphrase_in_openwrt_configuration_fails()
    {
        using var root = new TempDirectory();
        root.Write("etc/config/wireless", "config wifi-iface\n\toption encryption 'psk2'\n\toption key 'Tr4velR0uter!2019'\n");

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2022")).On("CMP2022", "etc/config/wireless");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.DoesNotContain("Tr4velR0uter", Assert.Single(result.Evidence).Excerpt, StringComparison.Ordinal);
    }
}
