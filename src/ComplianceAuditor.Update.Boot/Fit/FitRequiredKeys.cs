using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Update.Boot.DeviceTree;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// Reads the FIT verification keys out of a U-Boot control DTB (the device tree built into U-Boot, or the
/// <c>-K</c> output of mkimage): every <c>/signature/key-*</c> node with its <c>required</c> setting, and its public
/// key rebuilt as an SPKI so it can be compared with the trust anchors and the published test keys.
/// </summary>
public static class FitRequiredKeys
{
    /// <summary>Key nodes read; a real control DTB has one or two, and each costs an RSA or EC key import.</summary>
    public const int MaxKeys = 256;

    /// <summary>The keyring of <paramref name="dtb"/>, or null when the bytes do not start with a device-tree header.</summary>
    public static FitKeyring? Read(ReadOnlyMemory<byte> dtb)
    {
        if (LoadedTree.Load(dtb) is not { } loaded)
        {
            return null;
        }

        if (loaded.Tree is not { } tree)
        {
            return new FitKeyring(false, [], null, loaded.Problem);
        }

        return Read(tree);
    }

    internal static FitKeyring Read(FlattenedDeviceTree tree)
    {
        if (tree.Root.GetChild("signature") is not { } signature)
        {
            return new FitKeyring(false, [], null, null);
        }

        var nodes = signature.Children.Where(c => c.Name.StartsWith("key-", StringComparison.Ordinal)).ToList();
        var keys = nodes.Take(MaxKeys).Select(Key).ToList();
        return new FitKeyring(true, keys, signature.GetProperty("required-mode")?.AsString(), nodes.Count > MaxKeys
            ? string.Create(CultureInfo.InvariantCulture, $"/signature has {nodes.Count} key nodes; only the first {MaxKeys} were read")
            : null);
    }

    private static FitVerificationKey Key(FdtNode node)
    {
        var algorithm = node.GetProperty("algo")?.AsString();
        int? bits;
        string? curve = null;
        string? problem;

        // The algo says which parts to read; without one, the parts present decide.
        var isEcdsa = algorithm?.Contains(",ecdsa", StringComparison.Ordinal) ?? node.GetProperty("ecdsa,curve") is not null;
        var spki = isEcdsa ? FitKeySpki.Ecdsa(node, out bits, out curve, out problem) : FitKeySpki.Rsa(node, out bits, out problem);
        var fingerprint = spki is null ? null : Convert.ToHexStringLower(SHA256.HashData(spki));
        return new FitVerificationKey(
            node.Name,
            node.Name["key-".Length..],
            algorithm,
            node.GetProperty("required")?.AsString(),
            bits,
            curve,
            spki,
            fingerprint,
            KnownTestKeys.Find(fingerprint),
            problem);
    }
}
