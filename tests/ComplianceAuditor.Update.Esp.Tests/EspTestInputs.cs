using System.Security.Cryptography;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>Inputs for the readers: bytes with the public halves of the given keys as trust anchors.</summary>
internal static class EspTestInputs
{
    public static UpdateInput Input(byte[] bytes, params AsymmetricAlgorithm[] trusted) =>
        new(bytes, "image.bin", Anchors(trusted));

    public static TrustAnchors Anchors(params AsymmetricAlgorithm[] trusted) =>
        new([.. trusted.Select((key, i) => Anchor($"key{i}.pem", key.ExportSubjectPublicKeyInfo()))], []);

    public static TrustedKey Anchor(string name, byte[] spki) => new(name, spki, Convert.ToHexStringLower(SHA256.HashData(spki)));

    public static UpdateInspection Image(byte[] bytes, params AsymmetricAlgorithm[] trusted)
    {
        var inspection = new EspImageFormat().Inspect(Input(bytes, trusted));
        Assert.NotNull(inspection);
        return inspection;
    }

    /// <summary>A file of the shared folder beside the repository ("corpus/esptool/…").</summary>
    public static byte[] Corpus(string path) => File.ReadAllBytes(Path.Combine(RepositoryPaths.Shared, path));

    public static string? Fact(UpdateInspection inspection, string name) =>
        inspection.Facts.FirstOrDefault(f => f.Name == name)?.Value;
}
