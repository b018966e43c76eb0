using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Yocto;

namespace ComplianceAuditor.BuildHardening.Tests;

public sealed class YoctoConfigTests
{
    [Fact]
    public void Local_conf_features_with_all_operator_styles_are_found_on_their_physical_lines()
    {
        var settings = YoctoConfig.Read("""
            # EXTRA_IMAGE_FEATURES = "debug-tweaks"
            EXTRA_IMAGE_FEATURES ?= "tools-debug \
                debug-tweaks"
            IMAGE_FEATURES += "allow-empty-password"
            IMAGE_FEATURES:append = " allow-root-login"
            IMAGE_FEATURES_append = " post-install-logging"
            EXTRA_IMAGE_FEATURES:append:qemuall = ' empty-root-password'
            """, "build/conf/local.conf")!;

        Assert.Equal(
            [
                "yocto-debug-tweaks:3", "yocto-allow-empty-password:4", "yocto-allow-root-login:5", "yocto-post-install-logging:6",
                "yocto-empty-root-password:7",
            ],
            settings.Weaknesses.Select(w => $"{w.Code}:{w.Line}"));
        Assert.Contains("conditional", settings.Weaknesses[^1].Description, StringComparison.Ordinal);
        Assert.Equal(HardeningState.Unknown, settings.SecurityFlags.State);
    }

    [Fact]
    public void Remove_override_and_later_plain_assignment_clear_features()
    {
        var settings = YoctoConfig.Read("""
            EXTRA_IMAGE_FEATURES = "debug-tweaks"
            EXTRA_IMAGE_FEATURES = "ssh-server-openssh"
            IMAGE_FEATURES += "allow-root-login"
            IMAGE_FEATURES:remove = "allow-root-login"
            EXTRA_IMAGE_FEATURES ?= "debug-tweaks"
            require conf/distro/include/security_flags.inc
            """, "conf/distro/mydistro.conf")!;

        Assert.Empty(settings.Weaknesses);
        Assert.Equal(["ssh-server-openssh"], settings.ImageFeatures);
        Assert.Equal(HardeningState.Enabled, settings.SecurityFlags.State);
        Assert.Equal(6, settings.SecurityFlags.Line);
    }

    [Fact]
    public void Extrausers_passwords_are_found_per_command_line()
    {
        var settings = YoctoConfig.Read("""
            SUMMARY = "product image"
            inherit core-image extrausers
            EXTRA_USERS_PARAMS = "\
                useradd -p '' guest; \
                usermod -P secret123 root; \
                usermod -p '\$6\$salt\$hash' admin; \
                "
            """, "recipes-core/images/product-image.bb")!;

        Assert.True(settings.InheritsExtraUsers);
        Assert.Equal(
            ["yocto-extrausers-password:4", "yocto-extrausers-password:5", "yocto-extrausers-fixed-password:6"],
            settings.Weaknesses.Select(w => $"{w.Code}:{w.Line}"));
        Assert.DoesNotContain("secret123", string.Concat(settings.Weaknesses.Select(w => w.Description)), StringComparison.Ordinal);
    }

    [Fact]
    public void Emptied_security_flags_and_disabling_flags_in_variables_are_weaknesses()
    {
        var settings = YoctoConfig.Read("""
            INHERIT += "extrausers"
            SECURITY_CFLAGS:pn-myapp = ""
            TARGET_CFLAGS:append = " -fno-stack-protector"
            SECURITY_NOPIE_CFLAGS ?= "-no-pie -fno-PIE"
            EXTRA_USERS_PARAMS = "usermod -p '' root;"
            """, "conf/local.conf")!;

        Assert.True(settings.InheritsExtraUsers);
        Assert.Equal(
            ["yocto-no-security-flags:2", "build-flag-disables-ssp:3", "yocto-extrausers-password:5"],
            settings.Weaknesses.Select(w => $"{w.Code}:{w.Line}"));
        Assert.Equal(HardeningState.Disabled, settings.SecurityFlags.State);
        Assert.Contains("pn-myapp", settings.SecurityFlags.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_statements_is_not_yocto()
    {
        Assert.Null(YoctoConfig.Read("# only a comment\n\n"));
    }
}
