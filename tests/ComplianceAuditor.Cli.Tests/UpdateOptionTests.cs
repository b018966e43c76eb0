using System.Security.Cryptography;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Tests.Update;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>--public-key and --device-ram from the command line to the verdicts and the report's notes.</summary>
public sealed class UpdateOptionTests
{
    private static readonly byte[] Body = [.. Enumerable.Range(0, 2048).Select(i => (byte)(i * 3))];

    private static async Task<JObject> AuditAsync(TempDirectory work, string image, params string[] options)
    {
        var output = Path.Combine(work.Path, "out-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, _, error) = await Cli.RunAsync(["audit", image, "--out", output, "--format", "json", "--only", "CMP2032,CMP2035,CMP2066", .. options]);
        Assert.True(exit == ExitCodes.Ok, error);
        return JObject.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
    }

    private static string Outcome(JObject report, string rule) => (string)report["results"]!.Single(r => (string)r["ruleId"]! == rule)["outcome"]!;

    [Fact]
    public async Task The_device_key_given_with_public_key_decides_the_trusted_signer_rule_and_is_named_in_the_notes()
    {
        using var work = new TempDirectory();
        using var device = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var image = work.Write("app.signed.bin", McubootImageBuilder.Build(Body, device, securityCounter: 2));
        var devicePem = work.Write("device.pem", device.ExportSubjectPublicKeyInfoPem());
        var otherPem = work.Write("other.pem", other.ExportSubjectPublicKeyInfoPem());

        var trusted = await AuditAsync(work, image, "--public-key", devicePem);
        var untrusted = await AuditAsync(work, image, "--public-key", otherPem);
        var none = await AuditAsync(work, image);

        Assert.Equal("pass", Outcome(trusted, "CMP2035"));
        Assert.Equal("fail", Outcome(untrusted, "CMP2035"));
        Assert.Equal("notApplicable", Outcome(none, "CMP2035"));
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(device.ExportSubjectPublicKeyInfo()));
        Assert.Contains(trusted["notes"]!, n => (string)n! == $"trusted key given with --public-key: device.pem, SPKI SHA-256 {fingerprint}");
    }

    [Theory]
    [InlineData("private")]
    [InlineData("missing")]
    [InlineData("text")]
    public async Task A_public_key_file_that_is_missing_private_or_not_a_key_is_a_usage_error_naming_it(string kind)
    {
        using var work = new TempDirectory();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var image = work.Write("app.signed.bin", McubootImageBuilder.Build(Body, key));
        var file = kind switch
        {
            "private" => work.Write("signing.pem", key.ExportPkcs8PrivateKeyPem()),
            "text" => work.Write("notes.txt", "not a key"),
            _ => Path.Combine(work.Path, "absent.pem"),
        };

        var (exit, _, error) = await Cli.RunAsync("audit", image, "--out", Path.Combine(work.Path, "out"), "--public-key", file);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(Path.GetFileName(file), error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work.Path, "out", "report.json")));
    }

    [SharedFact("corpus/suit-manifest-spec/examples/example3.signed.cbor")]
    public async Task Device_ram_is_compared_with_the_manifest_and_named_as_declared()
    {
        using var work = new TempDirectory();
        var manifest = Path.Combine(RepositoryPaths.Shared, "corpus", "suit-manifest-spec", "examples", "example3.signed.cbor");

        var small = await AuditAsync(work, manifest, "--device-ram", "200");
        var large = await AuditAsync(work, manifest, "--device-ram", "64K");
        var unknown = await AuditAsync(work, manifest);

        Assert.Equal("fail", Outcome(small, "CMP2066"));
        Assert.Equal("pass", Outcome(large, "CMP2066"));
        Assert.Equal("notApplicable", Outcome(unknown, "CMP2066"));
        Assert.Contains(large["notes"]!, n => (string)n! == "declared on the command line, not verified: device RAM 65536 bytes (--device-ram)");
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-4K")]
    public async Task A_device_ram_that_is_not_a_size_is_a_usage_error(string value)
    {
        using var work = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", RepositoryPaths.Examples, "--out", work.Path, "--device-ram", value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--device-ram", error, StringComparison.Ordinal);
    }
}
