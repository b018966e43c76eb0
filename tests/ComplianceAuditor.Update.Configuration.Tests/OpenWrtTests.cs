using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Configuration.BuildConfigs;
using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class OpenWrtTests
{
    private const string Tree = "IoTGoat/OpenWrt/openwrt-18.06.2/";
    private const string Template = Tree + "package/system/opkg/files/opkg.conf";
    private const string BuildConfig = Tree + ".config-x86";

    [SharedFact("corpus/" + BuildConfig)]
    public void The_iotgoat_build_config_enables_signed_packages_usign_and_fwtool()
    {
        var settings = OpenWrtBuildConfig.Read(Corpus.Text(BuildConfig), ".config-x86")!;

        Assert.True(settings.SignedPackages);
        Assert.True(settings.Usign);
        Assert.True(settings.Fwtool);
        Assert.Equal("x86", settings.Target);
        Assert.Equal(Enforcement.Enforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Contains(".config-x86:161", settings.Verdicts.SignatureEnforcement.Reason, StringComparison.Ordinal);
        Assert.Equal(Enforcement.NotEnforced, settings.ImageSignatures.State);
        Assert.Contains(settings.Verdicts.Weaknesses, w => w.Code == "openwrt-sysupgrade-image-unsigned");
        Assert.DoesNotContain(settings.Verdicts.Weaknesses, w => w.Code == "openwrt-unsigned-packages");
    }

    [SharedFact("corpus/" + Template)]
    public void The_opkg_template_placed_as_the_root_file_system_s_opkg_conf_is_judged_unsigned()
    {
        var opkg = Scan.Single(new InMemoryFileView().Add("/etc/opkg.conf", Corpus.Text(Template)), UpdateFrameworkNames.Opkg);

        Assert.Equal(Enforcement.NotEnforced, opkg.SignatureEnforcement.State);
        Assert.Contains("check_signature", opkg.SignatureEnforcement.Reason, StringComparison.Ordinal);
    }

    [SharedFact("corpus/" + Template)]
    public void The_opkg_template_in_a_build_tree_is_not_judged_as_a_root_file_system()
    {
        var result = Scan.Run(new InMemoryFileView().Add("/package/system/opkg/files/opkg.conf", Corpus.Text(Template)));

        Assert.True(result.NoUpdateMechanismFound);
        Assert.Empty(result.Findings);
    }

    [SharedFact("corpus/" + BuildConfig)]
    public void A_build_tree_with_the_template_and_its_config_reports_opkg_signatures_enforced_from_the_config()
    {
        var view = new InMemoryFileView()
            .Add("/.config", Corpus.Text(BuildConfig))
            .Add("/package/system/opkg/files/opkg.conf", Corpus.Text(Template));

        var result = Scan.Run(view);

        var opkg = Assert.Single(result.Findings, f => f.Name == UpdateFrameworkNames.Opkg);
        Assert.Equal(Enforcement.Enforced, opkg.SignatureEnforcement.State);
        Assert.Contains("CONFIG_SIGNED_PACKAGES=y", opkg.SignatureEnforcement.Reason, StringComparison.Ordinal);
        Assert.Equal(["/.config", "/package/system/opkg/files/opkg.conf"], opkg.Evidence);
        var sysupgrade = Assert.Single(result.Findings, f => f.Name == UpdateFrameworkNames.OpenWrtSysupgrade);
        Assert.Equal(Enforcement.NotEnforced, sysupgrade.SignatureEnforcement.State);
    }

    [Fact]
    public void A_root_file_system_with_check_signature_keys_and_http_feeds_warns_about_transport_only()
    {
        var view = new InMemoryFileView()
            .Add("/bin/opkg", Scan.Elf)
            .Add("/etc/opkg.conf", "dest root /\nlists_dir ext /var/opkg-lists\noption overlay_root /overlay\noption check_signature\n")
            .Add("/etc/opkg/distfeeds.conf", "src/gz openwrt_core http://downloads.openwrt.org/releases/18.06.2/targets/x86/generic/packages\n# src/gz old http://old.example.org\n")
            .Add("/etc/opkg/keys/b5043e70f9a75cde", "untrusted comment: public key\nRWS1BD5w+adc3j2Hqg9+b66CvLR7NlHbsj7wjNVj0XGt/othDgIAOJS+\n");

        var opkg = Scan.Single(view, UpdateFrameworkNames.Opkg);

        Assert.Equal(Enforcement.Enforced, opkg.SignatureEnforcement.State);
        Assert.True(opkg.TrustedKeysPresent);
        var issue = Assert.Single(opkg.TransportIssues);
        Assert.Equal((TransportIssueKind.PlainHttp, "/etc/opkg/distfeeds.conf", 1, TransportSeverity.Warning),
            (issue.Kind, issue.Location.Path, issue.Location.Line, issue.Severity));
        Assert.Contains("openwrt_core", issue.Setting, StringComparison.Ordinal);
        Assert.Equal(Presence.Absent, opkg.Redundancy.State);
    }

    [Fact]
    public void Without_check_signature_http_feeds_are_failures_and_a_cron_upgrade_is_an_automatic_check()
    {
        var view = new InMemoryFileView()
            .Add("/etc/opkg.conf", "src/gz vendor http://feeds.vendor.example/packages\n")
            .Add("/etc/crontabs/root", "0 4 * * * opkg update && opkg upgrade vendor-app\n");

        var opkg = Scan.Single(view, UpdateFrameworkNames.Opkg);

        Assert.Equal(Enforcement.NotEnforced, opkg.SignatureEnforcement.State);
        Assert.Equal(TransportSeverity.Failure, Assert.Single(opkg.TransportIssues).Severity);
        Assert.Equal(Presence.Present, opkg.AutomaticChecks.State);
        Assert.Contains("/etc/crontabs/root:1", opkg.AutomaticChecks.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sysupgrade_checks_metadata_only_and_opkg_keys_do_not_cover_images()
    {
        var view = new InMemoryFileView()
            .Add("/sbin/sysupgrade", "#!/bin/sh\n. /lib/upgrade/common.sh\n")
            .Add("/lib/upgrade/fwtool.sh", "fwtool_check_image() {\n\t. /usr/share/libubox/jshn.sh\n}\n")
            .Add("/etc/opkg/keys/abc", "untrusted comment: x\nRWS\n")
            .Add("/etc/config/attendedsysupgrade", "config server 'server'\n\toption url 'http://sysupgrade.example.org'\n");

        var sysupgrade = Scan.Single(view, UpdateFrameworkNames.OpenWrtSysupgrade);

        Assert.Equal(Enforcement.NotEnforced, sysupgrade.SignatureEnforcement.State);
        Assert.Contains("/etc/opkg/keys verify package feeds, not images", sysupgrade.SignatureEnforcement.Reason, StringComparison.Ordinal);
        Assert.Equal(Enforcement.NotEnforced, sysupgrade.DowngradeProtection.State);
        Assert.Equal(Presence.Absent, sysupgrade.Redundancy.State);
        var issue = Assert.Single(sysupgrade.TransportIssues);
        Assert.Equal(new FileLocation("/etc/config/attendedsysupgrade", 2), issue.Location);
    }

    [Fact]
    public void Sysupgrade_with_a_required_signature_and_ucert_is_enforced_and_a_dual_boot_platform_has_redundancy()
    {
        var view = new InMemoryFileView()
            .Add("/sbin/sysupgrade", "#!/bin/sh\n")
            .Add("/usr/bin/ucert", Scan.Elf)
            .Add("/lib/upgrade/fwtool.sh", "fwtool_check_signature() {\n\tucert -V -m /tmp/sysupgrade.meta -c /tmp/sysupgrade.ucert -P /etc/opkg/keys\n}\n")
            .Add("/lib/upgrade/platform.sh", "REQUIRE_IMAGE_SIGNATURE=1\nplatform_do_upgrade() {\n\tboot_part=$(fw_printenv -n boot_part)\n}\n");

        var sysupgrade = Scan.Single(view, UpdateFrameworkNames.OpenWrtSysupgrade);

        Assert.Equal(Enforcement.Enforced, sysupgrade.SignatureEnforcement.State);
        Assert.Equal(Presence.Present, sysupgrade.Redundancy.State);
        Assert.Contains("/lib/upgrade/platform.sh:3", sysupgrade.Redundancy.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_without_signed_packages_names_the_weakness()
    {
        var settings = OpenWrtBuildConfig.Read("CONFIG_TARGET_BOARD=\"ramips\"\n# CONFIG_SIGNED_PACKAGES is not set\nCONFIG_PACKAGE_ucert=y\n")!;

        Assert.Equal(Enforcement.NotEnforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Contains(settings.Verdicts.Weaknesses, w => w.Code == "openwrt-unsigned-packages");
        Assert.Equal(Enforcement.Unknown, settings.ImageSignatures.State);
        Assert.Null(OpenWrtBuildConfig.Read("not a config"));
    }
}
