using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Secrets.Tests;

/// <summary>CMP2015: a published default login built into a program, as user name and password strings side by side.</summary>
public sealed class EmbeddedCredentialRuleTests
{
    private static byte[] Elf(string strings) =>
        [0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1, 0, .. new byte[56], .. Encoding.ASCII.GetBytes(strings)];

    [Fact]
    public async Task A_mirai_pair_in_a_string_table_fails_with_the_password_redacted()
    {
        using var root = new TempDirectory();
        root.Write("usr/bin/dvrd", Elf("login: \0root\0xc3511\0Password: \0"));

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2015")).On("CMP2015", "usr/bin/dvrd");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("mirai-2016 #1", result.Reason, StringComparison.Ordinal);
        var evidence = Assert.Single(result.Evidence);
        Assert.StartsWith("root / ", evidence.Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("xc3511", evidence.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_password_alone_or_far_from_its_user_name_is_not_a_login()
    {
        using var root = new TempDirectory();
        root.Write("usr/bin/alone", Elf("xc3511\0"));
        root.Write("usr/bin/far", Elf("root\0" + new string('A', 300) + "\0xc3511\0"));

        var results = await SecretsAudit.RunAsync(root.Path, "CMP2015");

        Assert.Equal(Outcome.Pass, results.On("CMP2015", "usr/bin/alone").Outcome);
        Assert.Equal(Outcome.Pass, results.On("CMP2015", "usr/bin/far").Outcome);
    }

    [Fact]
    public async Task A_pair_across_the_seam_of_two_chunks_is_found_once_at_its_offset()
    {
        using var root = new TempDirectory();
        var image = new byte[3 << 20];
        var pair = Encoding.ASCII.GetBytes("\0root\0vizxv\0");
        var offset = (1 << 20) - 6;
        pair.CopyTo(image, offset);
        root.Write("firmware/app.bin", image);

        var result = (await SecretsAudit.RunAsync(root.Path, new EngineOptions { ShowSecrets = true }, "CMP2015")).On("CMP2015", "firmware/app.bin");

        Assert.Equal(Outcome.Fail, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(offset + 6, evidence.ByteOffset);
        Assert.Equal("root / vizxv", evidence.Excerpt);
    }

    [Fact]
    public async Task Common_words_next_to_each_other_are_not_a_finding()
    {
        using var root = new TempDirectory();
        root.Write("usr/sbin/httpd", Elf("root\0admin\0password\0support\0user\01234\0hi3518\0"));

        var result = (await SecretsAudit.RunAsync(root.Path, "CMP2015")).On("CMP2015", "usr/sbin/httpd");

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task An_account_beside_a_password_like_string_near_a_login_prompt_is_a_probable_built_in_login()
    {
        using var root = new TempDirectory();
        root.Write("usr/sbin/telnetd", Elf("login: \0Password: \0support\0Fw8x27kq\0Login incorrect\0"));
        root.Write("usr/sbin/getty", Elf("login: \0Password: \0root\0/bin/sh\0%s:%d\0Fw8x27kq-is-far-from-any-account\0"));

        var results = await SecretsAudit.RunAsync(root.Path, "CMP2031");

        var telnetd = results.On("CMP2031", "usr/sbin/telnetd");
        Assert.Equal(Outcome.Fail, telnetd.Outcome);
        Assert.Contains("'support'", telnetd.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Fw8x27kq", Assert.Single(telnetd.Evidence).Excerpt, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, results.On("CMP2031", "usr/sbin/getty").Outcome);
    }
}
