using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>The bundled examples, end to end: every planted problem fails with evidence, the clean twin passes.</summary>
public sealed class ExampleAuditTests
{
    [Fact]
    public async Task Every_rootfs_rule_fails_on_the_vulnerable_example_with_evidence_and_passes_on_the_clean_one()
    {
        var vulnerable = await AuditAsync("vulnerable-rootfs");
        var clean = await AuditAsync("clean-rootfs");
        // CMP2027 (published test keys) cannot be planted: the keys it knows are other projects' files, which the
        // examples must not copy; CryptoMaterialRuleTests shows it failing on MCUboot's key from the shared corpus.
        // CMP2028 compares two images, so one example alone is not applicable; SecretOptionTests runs it with
        // --previous. CMP2031 reads binaries, and the examples hold text files (and one ARM build of danger.c);
        // EmbeddedCredentialRuleTests plants its case.
        // The update rules below need binary images, options or build trees that a root file system of text files
        // cannot show; UpdateImageRuleTests, RollbackRegressionRuleTests, UpdateCodeEvidenceRuleTests and the other
        // rule tests in tests/ComplianceAuditor.Checks.Update.Tests plant their cases:
        // - CMP2032-CMP2034: signed binary update images (signature, published test key, rollback counter).
        // - CMP2035: needs the device's keys (--public-key) and a signed image.
        // - CMP2036: binary legacy uImage or Matter OTA images; firmware/examplecam-fw.bin's uImage fails it.
        // - CMP2037: needs an earlier release (--previous).
        // - CMP2038, CMP2039: read the OTA code of ELF programs and firmware.
        // - CMP2040-CMP2042: binary SUIT envelopes.
        // - CMP2043, CMP2044: binary ESP-IDF, MCUboot and vbmeta images.
        // - CMP2045-CMP2047: binary FIT images and U-Boot control device trees.
        // - CMP2048: binary Android vbmeta images.
        // - CMP2049: fails only on a root file system without any updater, the opposite of vulnerable-rootfs; both pass.
        // - CMP2056: RAUC, OSTree and apt settings; the example camera updates with SWUpdate, opkg and a script.
        // - CMP2057-CMP2062: firmware build configurations (sdkconfig, .config, defconfig), which a root file system does not hold.
        // - CMP2064: binary RAUC bundles.
        // - CMP2066: needs the device's RAM (--device-ram); without it the sw-description files are not applicable.
        // - CMP2067: needs an image with valid signatures by several keys.
        // - CMP2068: binary ESP-IDF bootloader images.
        string[] elsewhere =
        [
            "CMP2027", "CMP2028", "CMP2031", "CMP2032", "CMP2033", "CMP2034", "CMP2035", "CMP2036", "CMP2037", "CMP2038", "CMP2039",
            "CMP2040", "CMP2041", "CMP2042", "CMP2043", "CMP2044", "CMP2045", "CMP2046", "CMP2047", "CMP2048", "CMP2049", "CMP2056",
            "CMP2057", "CMP2058", "CMP2059", "CMP2060", "CMP2061", "CMP2062", "CMP2064", "CMP2066", "CMP2067", "CMP2068",
        ];
        var rootfsRules = vulnerable["rules"]!.Select(r => (string)r["id"]!)
            .Where(id => id.StartsWith("CMP2", StringComparison.Ordinal) && !elsewhere.Contains(id)).ToArray();

        Assert.True(rootfsRules.Length >= 8);
        foreach (var id in rootfsRules)
        {
            var failures = Results(vulnerable, id).Where(r => (string)r["outcome"]! == "fail").ToArray();
            Assert.True(failures.Length > 0, $"{id} should fail on vulnerable-rootfs");
            Assert.All(failures, f => Assert.True(f["evidence"]!.Any(), $"{id} failed on {f["artifact"]} without evidence"));

            // The clean twin passes every file the rule reads; files it names but cannot read as text (the httpd
            // binary under sbin/) are not applicable, with the reason.
            var results = Results(clean, id).ToArray();
            Assert.Contains(results, r => (string)r["outcome"]! == "pass");
            Assert.All(results, r => Assert.True(
                (string)r["outcome"]! == "pass" || ((string)r["outcome"]! == "notApplicable" && ((string)r["reason"]!).Length > 0),
                $"{id} on clean-rootfs {r["artifact"]}: {r["outcome"]} ({r["reason"]})"));
        }
    }

    [Fact]
    public async Task Binary_hardening_rules_fail_on_the_weak_httpd_and_never_fail_on_the_hardened_one()
    {
        var vulnerable = await AuditAsync("vulnerable-rootfs");
        var clean = await AuditAsync("clean-rootfs");
        string Outcome(JObject report, string id) => (string)Results(report, id).Single(r => ((string)r["artifact"]!).EndsWith("usr/sbin/httpd", StringComparison.Ordinal))["outcome"]!;

        foreach (var id in new[] { "CMP1001", "CMP1002", "CMP1003", "CMP1004", "CMP1005", "CMP1006", "CMP1010" })
        {
            Assert.Equal("fail", Outcome(vulnerable, id));
            Assert.Equal("pass", Outcome(clean, id));
        }

        Assert.Equal("notApplicable", Outcome(clean, "CMP1009"));
        Assert.DoesNotContain(clean["results"]!, r => (string)r["outcome"]! is "fail" or "error");
    }

    [Fact]
    public async Task Update_rules_point_at_the_planted_update_files_and_their_fixed_twins()
    {
        var vulnerable = await AuditAsync("vulnerable-rootfs");
        var clean = await AuditAsync("clean-rootfs");
        static string[] Paths(JToken result) => [.. result["evidence"]!.Select(e => (string?)e["path"] ?? string.Empty)];

        // Each mechanism the camera carries shows up in the failures it was planted for.
        var enforcement = Results(vulnerable, "CMP2050").Single();
        Assert.Equal("fail", (string)enforcement["outcome"]!);
        Assert.Contains("vulnerable-rootfs/etc/swupdate.cfg", Paths(enforcement));
        Assert.Contains("vulnerable-rootfs/usr/sbin/fw-update.sh", Paths(enforcement));
        Assert.Contains("vulnerable-rootfs/etc/opkg.conf", Paths(Results(vulnerable, "CMP2055").Single()));
        Assert.Contains("vulnerable-rootfs/etc/opkg.conf", Paths(Results(vulnerable, "CMP2053").Single()));
        Assert.Equal("fail", (string)Results(vulnerable, "CMP2054").Single()["outcome"]!);
        Assert.Contains("vulnerable-rootfs/boot/uEnv.txt", Paths(Results(vulnerable, "CMP2065").Single()));
        var digests = Results(vulnerable, "CMP2063").Single(r => (string)r["outcome"]! == "fail");
        Assert.Equal("vulnerable-rootfs/usr/share/swupdate/sw-description", (string)digests["artifact"]!);

        // The clean camera's SWUpdate, boot counter and hashed sw-description are what make the same rules pass.
        Assert.Contains("/etc/swupdate.cfg", (string)Results(clean, "CMP2050").Single()["reason"]!, StringComparison.Ordinal);
        Assert.Contains("suricatta", (string)Results(clean, "CMP2054").Single()["reason"]!, StringComparison.Ordinal);
        Assert.Contains("clean-rootfs/boot/uEnv.txt", Paths(Results(clean, "CMP2065").Single()));
        Assert.Equal("pass", (string)Results(clean, "CMP2063").Single(r => ((string)r["artifact"]!).EndsWith("sw-description", StringComparison.Ordinal))["outcome"]!);

        // CMP2049 is exempted above because both cameras have an updater: it passes on both.
        Assert.Equal("pass", (string)Results(vulnerable, "CMP2049").Single()["outcome"]!);
        Assert.Equal("pass", (string)Results(clean, "CMP2049").Single()["outcome"]!);
    }

    [Fact]
    public async Task Firmware_example_fails_the_unauthenticated_format_rule_on_its_legacy_uimage()
    {
        var firmware = await AuditAsync(Path.Combine("firmware", "examplecam-fw.bin"));

        var uimage = Results(firmware, "CMP2036").Single(r => (string)r["artifact"]! == "examplecam-fw.bin!/0x0.uimage");
        Assert.Equal("fail", (string)uimage["outcome"]!);
        Assert.NotEmpty(uimage["evidence"]!);
    }

    [Fact]
    public async Task Repository_rule_is_not_applicable_to_a_rootfs_and_says_why()
    {
        var report = await AuditAsync("clean-rootfs");

        var result = Assert.Single(Results(report, "CMP3001"));
        Assert.Equal("notApplicable", (string)result["outcome"]!);
        Assert.Contains("is a rootfs", (string)result["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_rules_leave_no_results_and_are_listed_in_the_report()
    {
        var report = await AuditAsync("vulnerable-rootfs", "--disable", "CMP2001,CMP2002");

        Assert.Empty(Results(report, "CMP2001"));
        Assert.Empty(Results(report, "CMP2002"));
        Assert.Equal(["CMP2001", "CMP2002"], report["tool"]!["disabledRules"]!.Select(x => (string)x!));
    }

    [Fact]
    public async Task Written_report_json_is_valid_against_its_schema_and_every_scheme_is_rated()
    {
        var report = await AuditAsync("vulnerable-rootfs");
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Reports, "report.schema.json"));

        Assert.Empty(schema.Validate(report.ToString()));
        var etsi = report["schemes"]!.Single(s => (string)s["id"]! == "etsi-en-303-645");
        Assert.Equal(68, etsi["provisions"]!.Count());
        Assert.Equal("FAIL", (string)etsi["rating"]!["label"]!);
        Assert.Equal("fail", (string)etsi["provisions"]!.Single(p => (string)p["id"]! == "5.1-1")["verdict"]!);
    }

    [Fact]
    public async Task Firmware_example_is_carved_and_unpacked_and_every_rootfs_finding_reappears_inside_it()
    {
        var rootfs = await AuditAsync("vulnerable-rootfs");
        var firmware = await AuditAsync(Path.Combine("firmware", "examplecam-fw.bin"));
        const string Inside = "examplecam-fw.bin!/0x10000.squashfs!/";

        var artifacts = firmware["artifacts"]!.ToDictionary(a => (string)a["path"]!);
        var uimage = artifacts["examplecam-fw.bin!/0x0.uimage"];
        Assert.Equal("carved (signature search)", (string)uimage["extractedBy"]!);
        Assert.Equal("opened", (string)uimage["container"]!["status"]!);
        Assert.Equal("0x80008000", (string)artifacts["examplecam-fw.bin!/0x0.uimage!/CAM-200_Linux-4.14.0.gz"]["loadAddress"]!);
        var squashfs = artifacts["examplecam-fw.bin!/0x10000.squashfs"];
        Assert.Equal(0x10000, (long)squashfs["offset"]!);
        Assert.Equal("squashfs", (string)squashfs["container"]!["format"]!);
        Assert.Equal("opened", (string)squashfs["container"]!["status"]!);
        Assert.Equal("0755", (string)artifacts[Inside + "usr/sbin/httpd"]["mode"]!);
        Assert.Equal("squashfs (native)", (string)artifacts[Inside + "etc/shadow"]["extractedBy"]!);

        // Same rootfs, packed: each failure on a file of the folder is found again on the same file in the image.
        var expected = rootfs["results"]!.Where(r => (string)r["outcome"]! == "fail" && ((string)r["artifact"]!).StartsWith("vulnerable-rootfs/", StringComparison.Ordinal))
            .Select(r => ((string)r["ruleId"]!, Inside + ((string)r["artifact"]!)["vulnerable-rootfs/".Length..]))
            .ToHashSet();
        var found = firmware["results"]!.Where(r => (string)r["outcome"]! == "fail").Select(r => ((string)r["ruleId"]!, (string)r["artifact"]!)).ToHashSet();
        Assert.True(expected.Count >= 15);
        Assert.Subset(found, expected);

        // Rules that list the target's files decide on the unpacked image rather than giving up.
        Assert.Equal("fail", (string)Results(firmware, "CMP2008").Single()["outcome"]!);
    }

    [Fact]
    public async Task Html_report_lists_the_containers_of_a_firmware_and_no_such_section_for_a_folder()
    {
        using var outDir = new TempDirectory();
        var (exit, _, error) = await Cli.RunAsync(["audit", Path.Combine(RepositoryPaths.Examples, "firmware", "examplecam-fw.bin"), "--out", outDir.Path, "--format", "html"]);
        Assert.True(exit == ExitCodes.Ok, error);
        var html = await File.ReadAllTextAsync(Path.Combine(outDir.Path, "report.html"));

        Assert.Contains("<h3>What was unpacked</h3>", html, StringComparison.Ordinal);
        // Every file and folder of the packed root file system is one entry of the squashfs.
        var entries = Directory.EnumerateFileSystemEntries(Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs"), "*", SearchOption.AllDirectories).Count();
        Assert.Contains($"<td class=\"mono\">examplecam-fw.bin!/0x10000.squashfs</td><td>squashfs</td><td>native</td><td class=\"status-opened\">opened</td><td class=\"num\">{entries}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>What was unpacked</h3>", await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Reports, "samples", "vulnerable-rootfs", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_removes_its_extraction_folder_from_the_output_folder()
    {
        using var outDir = new TempDirectory();
        var (exit, _, error) = await Cli.RunAsync(["audit", Path.Combine(RepositoryPaths.Examples, "firmware", "examplecam-fw.bin"), "--out", outDir.Path, "--format", "json"]);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal(["report.json"], Directory.EnumerateFileSystemEntries(outDir.Path).Select(Path.GetFileName));
    }

    private static async Task<JObject> AuditAsync(string example, params string[] extra)
    {
        using var outDir = new TempDirectory();
        var (exit, _, error) = await Cli.RunAsync(["audit", Path.Combine(RepositoryPaths.Examples, example), "--out", outDir.Path, "--format", "json", .. extra]);
        Assert.True(exit == ExitCodes.Ok, error);
        return JObject.Parse(await File.ReadAllTextAsync(Path.Combine(outDir.Path, "report.json")));
    }

    private static IEnumerable<JToken> Results(JObject report, string ruleId) =>
        report["results"]!.Where(r => (string)r["ruleId"]! == ruleId);
}
