using ComplianceAuditor.Checks.Build.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Formats.Archives;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Checks.Build.Tests;

/// <summary>CMP3020: empty or fixed passwords set by Buildroot and Yocto build configurations.</summary>
public sealed class CredentialRuleTests
{
    [Fact]
    public async Task Buildroot_defconfig_with_clear_text_root_password_fails_without_showing_it()
    {
        var results = await RuleAudit.RepoAsync(["CMP3020"], ("configs/board_defconfig", "BR2_arm=y\nBR2_TARGET_GENERIC_ROOT_PASSWD=\"Sup3rSecret!\"\n"));

        var result = RuleAudit.On(results, "CMP3020", "configs/board_defconfig");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(2, evidence.Line);
        Assert.StartsWith("buildroot-plain-root-password:", evidence.Description, StringComparison.Ordinal);
        Assert.StartsWith("BR2_TARGET_GENERIC_ROOT_PASSWD=\"Sup…[redacted sha256:", evidence.Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rSecret", result.Reason + evidence.Excerpt + evidence.Description + result.EvidenceKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buildroot_defconfig_that_leaves_the_root_password_at_its_empty_default_fails_with_the_default_named()
    {
        var results = await RuleAudit.RepoAsync(["CMP3020"], ("configs/board_defconfig", "BR2_arm=y\nBR2_TARGET_GENERIC_HOSTNAME=\"cam\"\n"));

        var result = RuleAudit.Only(results, "CMP3020");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("not written: a default", result.Reason, StringComparison.Ordinal);
        Assert.Null(Assert.Single(result.Evidence).Line);
    }

    [Fact]
    public async Task Buildroot_defconfig_with_a_hashed_root_password_passes_and_says_what_was_checked()
    {
        var results = await RuleAudit.RepoAsync(["CMP3020"], ("configs/board_defconfig", "BR2_arm=y\nBR2_TARGET_GENERIC_ROOT_PASSWD=\"$6$salt$abcdefgh\"\n"));

        var result = RuleAudit.Only(results, "CMP3020");
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("Buildroot configuration checked for buildroot-empty-root-password, buildroot-plain-root-password", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yocto_debug_tweaks_and_extrausers_passwords_fail_on_their_own_files_and_lines()
    {
        var results = await RuleAudit.RepoAsync(
            ["CMP3020"],
            ("build/conf/local.conf", "MACHINE = \"qemuarm\"\nEXTRA_IMAGE_FEATURES ?= \"debug-tweaks\"\n"),
            ("meta-acme/recipes-core/images/acme-image.bb", "inherit core-image extrausers\nEXTRA_USERS_PARAMS = \"usermod -P letmein root;\"\n"),
            ("meta-acme/conf/layer.conf", "BBFILE_COLLECTIONS += \"acme\"\n"));

        var local = RuleAudit.On(results, "CMP3020", "build/conf/local.conf");
        Assert.Equal(Outcome.Fail, local.Outcome);
        Assert.Equal(2, Assert.Single(local.Evidence).Line);
        Assert.Equal("EXTRA_IMAGE_FEATURES ?= \"debug-tweaks\"", local.Evidence[0].Excerpt);

        var image = RuleAudit.On(results, "CMP3020", "acme-image.bb");
        Assert.Equal(Outcome.Fail, image.Outcome);
        Assert.StartsWith("usermod -P l…[redacted", image.Evidence[0].Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("letmein", image.Reason + image.Evidence[0].Excerpt, StringComparison.Ordinal);

        Assert.Equal(Outcome.Pass, RuleAudit.On(results, "CMP3020", "meta-acme/conf/layer.conf").Outcome);
    }

    [Fact]
    public async Task A_repository_with_only_a_CMake_file_is_not_applicable_to_a_rule_about_passwords()
    {
        var results = await RuleAudit.RepoAsync(["CMP3020"], ("CMakeLists.txt", "project(x C)\n"));

        var result = RuleAudit.Only(results, "CMP3020");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("has no text file among Buildroot configurations and Yocto (BitBake) files", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conf_file_that_turns_out_to_be_of_another_kind_is_not_applicable()
    {
        var results = await RuleAudit.RepoAsync(["CMP3020"], ("app/prj.conf", "CONFIG_GPIO=y\n"), ("etc/sysctl.conf", "net.ipv4.ip_forward = 1\n"));

        var zephyr = RuleAudit.On(results, "CMP3020", "app/prj.conf");
        Assert.Equal(Outcome.NotApplicable, zephyr.Outcome);
        Assert.Contains("a Zephyr Kconfig fragment; this rule is about Buildroot configurations and Yocto (BitBake) files", zephyr.Reason, StringComparison.Ordinal);
        var other = RuleAudit.On(results, "CMP3020", "etc/sysctl.conf");
        Assert.Equal(Outcome.NotApplicable, other.Outcome);
        Assert.Contains("that the build readers understand", other.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_files_unpacked_from_an_archive_in_the_repository_are_not_working_tree_files()
    {
        using var repo = RuleAudit.NewRepo();
        using var staging = new ComplianceAuditor.Tests.Shared.TempDirectory();
        staging.Write("configs/old_defconfig", "BR2_arm=y\nBR2_TARGET_GENERIC_ROOT_PASSWD=\"root\"\n");
        System.Formats.Tar.TarFile.CreateFromDirectory(staging.Path, Path.Combine(repo.Path, "old-tree.tar"), includeBaseDirectory: false);
        repo.Write("configs/board_defconfig", "BR2_arm=y\nBR2_TARGET_GENERIC_ROOT_PASSWD=\"$6$s$h\"\n");

        using var output = new ComplianceAuditor.Tests.Shared.TempDirectory();
        using var work = PrivateWorkFolder.CreateIn(output.Path);
        var inventory = RuleAudit.Inventory(repo.Path, new InventoryOptions { Formats = new FormatRegistry().AddFileSystem(new TarFormatReader()), Sink = work });
        Assert.Contains(inventory.Artifacts, a => a.Path.Contains("old-tree.tar!/", StringComparison.Ordinal) && a.Path.EndsWith("old_defconfig", StringComparison.Ordinal));

        var results = await RuleAudit.RunAsync(inventory, ["CMP3020"]);

        var result = RuleAudit.Only(results, "CMP3020");
        Assert.EndsWith("configs/board_defconfig", result.Artifact, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }
}
