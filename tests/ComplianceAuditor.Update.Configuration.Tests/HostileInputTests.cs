using System.Text;
using ComplianceAuditor.Update.Configuration.BuildConfigs;
using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

/// <summary>Garbage, truncated, oversized and mutated configuration never throws and stays bounded.</summary>
public sealed class HostileInputTests
{
    private static readonly string[] ConfigPaths =
    [
        "/etc/swupdate.cfg", "/etc/default/swupdate", "/etc/rauc/system.conf", "/etc/mender/mender.conf", "/etc/ostree/remotes.d/a.conf",
        "/etc/fwupd/daemon.conf", "/etc/fwupd/remotes.d/r.conf", "/etc/opkg.conf", "/etc/apt/sources.list", "/etc/apt/sources.list.d/s.sources",
        "/etc/apt/apt.conf.d/99x", "/lib/upgrade/platform.sh", "/etc/rauc-hawkbit-updater/config.conf", "/etc/crontab",
        "/lib/systemd/system/x.timer", "/lib/systemd/system/x.service", "/usr/sbin/fw-update", "/.config",
    ];

    private const string Seed = """
        globals : { public-key-file = "/etc/k.pem"; no-downgrading = "1.0"; select = "stable,copy1"; };
        suricatta : { url = "http://h:8080"; nocheckcert = true; };
        [system]
        min-bundle-version=1.0
        [keyring]
        path=k.pem
        [slot.rootfs.0]
        bootname=A
        { "ServerURL": "http://m", "SkipVerify": true, "ArtifactVerifyKeys": ["/k"] }
        [remote "o"]
        url=http://o
        gpg-verify=false
        option check_signature
        src/gz core http://f/core
        deb [trusted=yes] http://a/debian stable main
        Acquire { https { Verify-Peer "false"; }; };
        [Timer]
        Unit=x.service
        [Service]
        ExecStart=/usr/bin/swupdate -k /k -u "-u http://x"
        0 * * * * root opkg upgrade
        wget http://fw/fw.bin && mtd write fw.bin firmware
        CONFIG_SIGNED_PACKAGES=y
        CONFIG_TARGET_BOARD="x86"
        """;

    /// <summary>The characters that matter to the parsers: mutations made of them reach the deep paths.</summary>
    private const string Alphabet = "{}[]()\"=:;,#/*\n \\x";

    [Fact]
    public void Random_bytes_in_every_configuration_file_throw_nothing()
    {
        var random = new Random(20240611);
        for (var round = 0; round < 40; round++)
        {
            var view = new InMemoryFileView();
            foreach (var path in ConfigPaths)
            {
                var bytes = new byte[random.Next(0, 2048)];
                random.NextBytes(bytes);
                view.Add(path, round % 2 == 0 ? bytes : Encoding.ASCII.GetBytes(Encoding.Latin1.GetString(bytes).Replace('\0', ' ')));
            }

            _ = UpdateFrameworkScan.Scan(view);
        }
    }

    [Fact]
    public void Mutated_and_truncated_valid_configurations_throw_nothing()
    {
        var random = new Random(7);
        var seed = Encoding.UTF8.GetBytes(Seed);
        for (var round = 0; round < 300; round++)
        {
            var bytes = (byte[])seed.Clone();
            for (var flips = random.Next(1, 12); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)Alphabet[random.Next(Alphabet.Length)];
            }

            bytes = bytes[..random.Next(bytes.Length + 1)];
            var view = new InMemoryFileView();
            foreach (var path in ConfigPaths)
            {
                view.Add(path, bytes);
            }

            var result = UpdateFrameworkScan.Scan(view);
            Assert.All(result.Findings, f => Assert.NotNull(f.SignatureEnforcement.Reason));
            _ = EspIdfSdkconfig.Read(Encoding.UTF8.GetString(bytes));
            _ = McubootKconfig.Read(Encoding.UTF8.GetString(bytes));
            _ = UBootConfig.Read(Encoding.UTF8.GetString(bytes));
            _ = OpenWrtBuildConfig.Read(Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public void An_oversized_file_is_read_only_up_to_the_limit_and_reported()
    {
        var huge = "src/gz a http://a/b\n" + new string('#', 3 << 20);
        var result = UpdateFrameworkScan.Scan(new InMemoryFileView().Add("/etc/opkg.conf", huge));

        Assert.Contains(result.Problems, p => p.StartsWith("/etc/opkg.conf: only the first", StringComparison.Ordinal));
        Assert.Single(Assert.Single(result.Findings).TransportIssues);
    }

    [Fact]
    public void Deeply_nested_json_and_libconfig_are_problems_not_crashes()
    {
        var view = new InMemoryFileView()
            .Add("/etc/mender/mender.conf", new string('[', 100_000))
            .Add("/etc/swupdate.cfg", "a = " + string.Concat(Enumerable.Repeat("( ", 100_000)));

        var result = UpdateFrameworkScan.Scan(view);

        Assert.Contains(result.Problems, p => p.StartsWith("/etc/mender/mender.conf", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith("/etc/swupdate.cfg", StringComparison.Ordinal));
    }

    [Fact]
    public void Unrooted_paths_from_a_view_are_ignored()
    {
        var result = UpdateFrameworkScan.Scan(new LyingView(["", "etc/opkg.conf", "/", new string('/', 10_000)]));

        Assert.True(result.NoUpdateMechanismFound);
    }

    [Fact]
    public void A_listed_file_that_cannot_be_read_shows_the_mechanism_with_unknown_verdicts()
    {
        var result = UpdateFrameworkScan.Scan(new LyingView(["/etc/rauc/system.conf"]));

        var rauc = Assert.Single(result.Findings);
        Assert.Equal(Enforcement.Unknown, rauc.DowngradeProtection.State);
        Assert.Contains("could not be read", rauc.DowngradeProtection.Reason, StringComparison.Ordinal);
    }

    /// <summary>A view that lists paths it cannot read, rooted or not.</summary>
    private sealed class LyingView(string[] paths) : IFileView
    {
        public IEnumerable<string> Paths => paths;

        public byte[]? Read(string path, int maxBytes) => null;
    }
}
