using System.Globalization;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// One image node of a FIT inspected on its own: where its data is, whether its hash nodes match it, and what its
/// signature nodes are worth. It becomes one of <see cref="UpdateInspection.Parts"/>.
/// </summary>
internal static class FitImagePart
{
    public const string Format = "U-Boot FIT image node";

    /// <summary>Rockchip's vendor U-Boot keeps an anti-rollback index on image nodes; mainline has none.</summary>
    public const string RollbackProperty = "rollback-index";

    public static UpdateInspection Build(FdtNode image, FdtHeader header, ReadOnlyMemory<byte> fit, TrustAnchors anchors, FitWorkBudget budget)
    {
        var facts = new List<InspectionFact> { new("node", image.Path) };
        foreach (var name in new[] { "description", "type", "os", "arch", "compression" })
        {
            if (FitNodes.Text(image, name) is { } text)
            {
                facts.Add(new(name, text));
            }
        }

        var data = FitImageData.Locate(image, header, fit.Length, out var problem);
        if (data is not null)
        {
            facts.Add(new("data", data.Describe()));
        }

        if (image.GetChild("cipher") is { } cipher)
        {
            var algorithm = FitNodes.Text(cipher, "algo") ?? "(no algo)";
            var key = FitNodes.Text(cipher, "key-name-hint") ?? "(none)";
            facts.Add(new("cipher", $"{algorithm}, key-name-hint {key}; hashes and signatures cover the encrypted data"));
        }

        var rollback = image.GetProperty(RollbackProperty) is { } index ? index.AsUInt32() ?? index.AsUInt64() : null;
        if (rollback is not null)
        {
            facts.Add(new(RollbackProperty, rollback.Value.ToString(CultureInfo.InvariantCulture)));
        }

        var bytes = data is null ? default : fit.Slice((int)data.Offset, (int)data.Length);
        var signatures = FitNodes.Signatures(image)
            .Select(s => data is null ? FitSignatureJudge.WithoutData(s) : FitSignatureJudge.JudgeImage(s, bytes.Span, anchors, budget))
            .ToList();
        return new UpdateInspection
        {
            Format = Format,
            Signatures = signatures,
            Integrity = data is null ? null : CheckHashes(image, bytes.Span, facts, budget),
            Rollback = rollback is { } value ? new RollbackValue(RollbackProperty, value, $"{image.Path} property {RollbackProperty}") : null,
            RollbackSupported = rollback is not null,
            Problem = problem,
            Facts = facts,
        };
    }

    /// <summary>Every hash node recomputed; one finding for them all, matching only when each one matches.</summary>
    private static IntegrityFinding? CheckHashes(FdtNode image, ReadOnlySpan<byte> data, List<InspectionFact> facts, FitWorkBudget budget)
    {
        var kinds = new List<string>();
        bool? matches = null;
        foreach (var hash in FitNodes.Hashes(image))
        {
            var algorithm = FitNodes.Text(hash, "algo") ?? "(no algo)";
            var stored = hash.GetProperty("value") is { IsValueLoaded: true } value ? value.Value.Span : [];
            var computed = budget.TakeHash(data.Length) ? FitHashAlgorithm.Compute(algorithm, data) : null;
            string verdict;
            if (computed is null)
            {
                verdict = budget.Exhausted ? "not recomputed (work limit reached)" : "not recomputed (unknown algorithm)";
            }
            else
            {
                var same = stored.SequenceEqual(computed);
                matches = (matches ?? true) && same;
                verdict = same ? "matches" : "DOES NOT MATCH";
            }

            kinds.Add(algorithm);
            facts.Add(new(hash.Name, $"{algorithm} {verdict}"));
        }

        return kinds.Count == 0 ? null : new IntegrityFinding(string.Join(" + ", kinds), matches, $"the data of {image.Path}");
    }
}
