using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// The real images of the shared corpus, through the tool's own format registry and recursion: each one either
/// opens into the entries it is known to hold, or says precisely why not. Each format project tests its reader on
/// these files too; this checks that recognition, registration order and nesting put them together.
/// </summary>
public sealed class CorpusUnpackTests
{
    private static readonly string Corpus = Path.Combine(RepositoryPaths.Shared, "corpus");

    [SharedFact("corpus/binwalk/tests/inputs")]
    public async Task Binwalk_samples_open_or_say_what_would_open_them()
    {
        var inputs = Path.Combine(Corpus, "binwalk", "tests", "inputs");
        Assert.Equal("opened", Status(await Unpack(Path.Combine(inputs, "squashfs.bin")), "squashfs.bin", "squashfs"));
        Assert.Equal("opened", Status(await Unpack(Path.Combine(inputs, "cramfs.bin")), "cramfs.bin", "cramfs"));
        Assert.Equal("opened", Status(await Unpack(Path.Combine(inputs, "romfs.bin")), "romfs.bin", "romfs"));
        var gzip = await Unpack(Path.Combine(inputs, "gzip.bin"));
        Assert.Equal("opened", Status(gzip, "gzip.bin", "gzip"));
        Assert.Contains(gzip["artifacts"]!, a => (string)a["path"]! == "gzip.bin!/lsb-release");

        // squashfs 2.0, big-endian and vendor-compressed: not ours to read, and unsquashfs 4.5 gives up on it too.
        var legacy = await Unpack(Path.Combine(inputs, "squashfs_v2.bin"));
        var container = Root(legacy)["container"]!;
        Assert.True((string)container["status"]! is "failed" or "unavailable", container.ToString());
        Assert.Contains("unsquashfs", (string)container["reason"]!, StringComparison.Ordinal);
        Assert.False((bool)legacy["isComplete"]!);

        // yaffs2 has no native reader: opened by unyaffs where installed, otherwise named as what would open it.
        var yaffs = Root(await Unpack(Path.Combine(inputs, "yaffs2.bin")))["container"]!;
        Assert.Equal("yaffs2", (string)yaffs["format"]!);
        Assert.True((string)yaffs["status"]! == "opened" || ((string)yaffs["reason"]!).Contains("unyaffs", StringComparison.Ordinal), yaffs.ToString());

        // An obfuscated vendor blob and a Matter OTA header hold nothing we recognise, and are not forced to.
        foreach (var opaque in new[] { "arcadyan.bin", "matter_ota.bin" })
        {
            var manifest = await Unpack(Path.Combine(inputs, opaque));
            Assert.Single(manifest["artifacts"]!);
            Assert.Null(Root(manifest)["container"]);
        }
    }

    [SharedFact("corpus/rauc/test/good-bundle.raucb")]
    public async Task Rauc_bundles_open_as_their_squashfs_and_a_corrupted_one_names_the_broken_block()
    {
        var good = await Unpack(Path.Combine(Corpus, "rauc", "test", "good-bundle.raucb"));
        Assert.Equal("opened", Status(good, "good-bundle.raucb", "squashfs"));
        Assert.Contains(good["artifacts"]!, a => (string)a["path"]! == "good-bundle.raucb!/manifest.raucm" && (string)a["kind"]! == "text");
        Assert.True((bool)good["isComplete"]!);

        // One flipped byte in the squashfs data: the file that lives in the damaged fragment is unreadable, with why.
        var broken = await Unpack(Path.Combine(Corpus, "rauc", "test", "invalid-sig-bundle.raucb"));
        Assert.False((bool)broken["isComplete"]!);
        Assert.Contains(broken["notes"]!, n => ((string)n!).Contains("fragment block 0", StringComparison.Ordinal));

        // A crypt bundle's payload is encrypted: there is no file system to recognise until it is decrypted.
        var encrypted = await Unpack(Path.Combine(Corpus, "rauc", "test", "good-crypt-bundle-encrypted.raucb"));
        Assert.Null(Root(encrypted)["container"]);
    }

    [SharedFact("corpus/swugenerator/tests/test_data/integration_output/signed_output.swu")]
    public async Task Swupdate_and_mender_update_bundles_open_with_their_descriptions_and_signatures()
    {
        var swu = await Unpack(Path.Combine(Corpus, "swugenerator", "tests", "test_data", "integration_output", "signed_output.swu"));
        Assert.Equal("opened", Status(swu, "signed_output.swu", "cpio"));
        Assert.Contains(swu["artifacts"]!, a => (string)a["path"]! == "signed_output.swu!/sw-description");
        Assert.Contains(swu["artifacts"]!, a => (string)a["path"]! == "signed_output.swu!/sw-description.sig");

        var mender = await Unpack(Path.Combine(Corpus, "mender-artifact", "tests", "data", "a0-signed-nitro.mender"));
        Assert.Equal("opened", Status(mender, "a0-signed-nitro.mender", "tar"));
        Assert.Contains(mender["artifacts"]!, a => (string)a["path"]! == "a0-signed-nitro.mender!/manifest.sig");

        // header.tar.gz holds a tar: gzip, then tar, each a step of the virtual path.
        var nested = mender["artifacts"]!.Single(a => (string)a["path"]! == "a0-signed-nitro.mender!/header.tar.gz!/data");
        Assert.Equal("tar", (string)nested["container"]!["format"]!);
        Assert.Contains(mender["artifacts"]!, a => ((string)a["path"]!).StartsWith("a0-signed-nitro.mender!/header.tar.gz!/data!/", StringComparison.Ordinal));
    }

    [SharedFact("corpus/ninjastorms/uImage")]
    public async Task A_legacy_uimage_kernel_opens_with_its_load_address()
    {
        var manifest = await Unpack(Path.Combine(Corpus, "ninjastorms", "uImage"));

        Assert.Equal("opened", Status(manifest, "uImage", "uimage"));
        var payload = manifest["artifacts"]!.Single(a => (string?)a["parent"] == "uImage");
        Assert.NotNull((string?)payload["loadAddress"]);
    }

    private static JToken Root(JObject manifest) => manifest["artifacts"]![0]!;

    private static string Status(JObject manifest, string path, string format)
    {
        var artifact = manifest["artifacts"]!.Single(a => (string)a["path"]! == path);
        Assert.Equal(format, (string)artifact["container"]!["format"]!);
        return (string)artifact["container"]!["status"]!;
    }

    private static async Task<JObject> Unpack(string file)
    {
        using var outDir = new TempDirectory();
        var tree = Path.Combine(outDir.Path, "tree");
        var (exit, _, error) = await Cli.RunAsync("unpack", file, "--out", tree);
        Assert.True(exit == ExitCodes.Ok, error);
        return JObject.Parse(await File.ReadAllTextAsync(Path.Combine(tree, "manifest.json")));
    }
}
