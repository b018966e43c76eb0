using System.Security.Cryptography;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Unpacking.Tests;

/// <summary>Looking artifacts up in an inventory.</summary>
internal static class Artifacts
{
    public static Artifact Get(this TargetInventory inventory, string path) =>
        inventory.Artifacts.SingleOrDefault(a => a.Path == path)
        ?? throw new Xunit.Sdk.XunitException($"no artifact '{path}'; have: {string.Join(", ", inventory.Artifacts.Select(a => a.Path))}");

    public static bool Has(this TargetInventory inventory, string path) => inventory.Artifacts.Any(a => a.Path == path);

    public static IEnumerable<string> Paths(this TargetInventory inventory) => inventory.Artifacts.Select(a => a.Path);

    public static byte[] Bytes(this Artifact artifact)
    {
        using var stream = artifact.Content!.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
