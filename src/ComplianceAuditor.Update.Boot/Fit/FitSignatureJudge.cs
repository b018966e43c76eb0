using System.Globalization;
using System.Text;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// Verifies the signature nodes of a FIT as U-Boot does: an image signature over the image's data, a configuration
/// signature over the regions its <c>hashed-nodes</c> name (<see cref="FitSignedRegions"/>). The verdict comes from
/// <see cref="SignatureJudge"/>; the FIT names its key only by <c>key-name-hint</c>, which becomes the key id.
/// </summary>
internal static class FitSignatureJudge
{
    public static SignatureFinding JudgeImage(FdtNode signature, ReadOnlySpan<byte> data, TrustAnchors anchors, FitWorkBudget budget)
    {
        if (Prepare(signature, budget, out var algorithm, out var value) is { } early)
        {
            return early;
        }

        if (!budget.TakeHash(data.Length))
        {
            return OverBudget(signature, algorithm!.Text);
        }

        return Judge(signature, algorithm!, algorithm!.Digest(data), value!, anchors);
    }

    public static SignatureFinding JudgeConfiguration(
        FdtNode signature, FdtNode configuration, ReadOnlySpan<byte> fit, FdtHeader header, TrustAnchors anchors, FitWorkBudget budget)
    {
        if (Prepare(signature, budget, out var algorithm, out var value) is { } early)
        {
            return early;
        }

        var nodes = HashedNodes(signature);
        if (nodes is null || nodes.Count is 0 or > FitSignedRegions.MaxHashedNodes)
        {
            return Refused(signature, algorithm!.Text, nodes is null or { Count: 0 }
                ? "it has no usable hashed-nodes list, so U-Boot cannot tell what it signs"
                : $"its hashed-nodes list names more than the {FitSignedRegions.MaxHashedNodes} nodes U-Boot accepts");
        }

        if (!nodes.Contains("/configurations/" + configuration.Name))
        {
            return Refused(signature, algorithm!.Text, "its hashed-nodes list does not name its own configuration, which U-Boot rejects");
        }

        var strings = signature.GetProperty("hashed-strings")?.AsCells() is [_, var size, ..] ? size : (uint?)null;
        if (!budget.TakeHash(header.StructSize + Math.Min(strings ?? 0, (long)fit.Length)))
        {
            return OverBudget(signature, algorithm!.Text);
        }

        var digest = FitSignedRegions.Digest(fit, header, nodes, strings, algorithm!.Scheme!.Hash, out var problem);
        return digest is null
            ? Refused(signature, algorithm.Text, problem!)
            : Judge(signature, algorithm, digest, value!, anchors);
    }

    /// <summary>A signature of an image whose data cannot be found: nothing it could sign is there.</summary>
    public static SignatureFinding WithoutData(FdtNode signature) =>
        Refused(signature, FitNodes.Text(signature, "algo") ?? "(no algo)", "the image it signs has no data in the file");

    /// <summary>The paths in <c>hashed-nodes</c>, byte for byte as U-Boot compares them; null when the list is malformed.</summary>
    public static List<string>? HashedNodes(FdtNode signature)
    {
        if (signature.GetProperty("hashed-nodes") is not { IsValueLoaded: true, Length: > 0 } property || property.Value.Span[^1] != 0)
        {
            return null;
        }

        var list = new List<string>();
        var rest = property.Value.Span;
        while (rest.Length > 0 && list.Count <= FitSignedRegions.MaxHashedNodes)
        {
            var nul = rest.IndexOf((byte)0);
            list.Add(Encoding.Latin1.GetString(rest[..nul]));
            rest = rest[(nul + 1)..];
        }

        return list;
    }

    /// <summary>A finding without verifying when the node cannot be verified at all; null when it can be.</summary>
    private static SignatureFinding? Prepare(FdtNode signature, FitWorkBudget budget, out FitSignatureAlgorithm? algorithm, out byte[]? value)
    {
        value = null;
        var text = signature.GetProperty("algo")?.AsString();
        algorithm = text is null ? null : FitSignatureAlgorithm.Parse(text, signature.GetProperty("padding")?.AsString());
        if (algorithm?.Scheme is null)
        {
            return new SignatureFinding(SignatureStatus.NotVerifiable, text ?? "(no algo)", KeyName(signature), null, null,
                $"{signature.Path}: the signature algorithm '{text ?? "(none)"}' is not one U-Boot verifies (hash,rsaNNNN or hash,ecdsaNNN)");
        }

        if (signature.GetProperty("value") is not { IsValueLoaded: true, Length: > 0 } property)
        {
            return Refused(signature, algorithm.Text, "it has no signature value");
        }

        if (!budget.TakeSignature())
        {
            return OverBudget(signature, algorithm.Text);
        }

        value = property.Value.ToArray();
        return null;
    }

    private static SignatureFinding OverBudget(FdtNode signature, string algorithm) =>
        new(SignatureStatus.NotVerifiable, algorithm, KeyName(signature), null, null,
            $"{signature.Path}: not verified: the FIT asks for more checking than the limits allow");

    private static SignatureFinding Judge(FdtNode signature, FitSignatureAlgorithm algorithm, byte[] digest, byte[] value, TrustAnchors anchors)
    {
        var scheme = algorithm.Scheme!;
        var finding = SignatureJudge.Judge(
            new SignatureJudge.Candidate(algorithm.Text, spki => PublicKeyVerifier.Verifies(scheme, spki, digest, value), KeyName(signature), null, null),
            anchors);
        return finding with { Reason = $"{signature.Path}: {finding.Reason}" };
    }

    private static SignatureFinding Refused(FdtNode signature, string algorithm, string why) =>
        new(SignatureStatus.Invalid, algorithm, KeyName(signature), null, null,
            string.Create(CultureInfo.InvariantCulture, $"{signature.Path}: U-Boot rejects this signature: {why}"));

    private static string? KeyName(FdtNode signature) => signature.GetProperty("key-name-hint")?.AsString();
}
