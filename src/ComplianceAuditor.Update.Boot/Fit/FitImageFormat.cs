using System.Globalization;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Update.Boot.DeviceTree;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// U-Boot FIT images: a flattened device tree with an <c>/images</c> node. Each image node becomes one of
/// <see cref="UpdateInspection.Parts"/> with its data located (embedded, <c>data-offset</c> or
/// <c>data-position</c>), its hash nodes recomputed and its signature nodes verified over its data.
/// Configuration signatures are verified over the regions of the tree their <c>hashed-nodes</c> name, as U-Boot
/// selects them. <see cref="UpdateInspection.Signatures"/> holds every signature of the FIT, configurations first;
/// each part repeats its image's own. Keys are named only by <c>key-name-hint</c> (the key id); whether U-Boot
/// insists on them is in the control DTB (<see cref="FitRequiredKeys"/>).
/// <para>
/// Rollback: mainline FIT has no anti-rollback field, so <see cref="UpdateInspection.RollbackSupported"/> is false
/// unless an image node carries Rockchip's vendor <c>rollback-index</c> property; then it is true and
/// <see cref="UpdateInspection.Rollback"/> holds the lowest index of the images (the weakest one decides).
/// </para>
/// Weakness codes:
/// <list type="bullet">
/// <item><c>fit-configuration-unsigned</c>: no configuration has a signature node, so signed images of different
/// releases can be combined (mix-and-match, and rollback of single images).</item>
/// <item><c>fit-image-unsigned</c>: an image has no signature node of its own and no signed configuration covers it.</item>
/// <item><c>fit-weak-hash</c>: an image is hashed only with crc32, md5 or sha1, or every signature of a node uses sha1.</item>
/// <item><c>fit-weak-key</c>: a signature names an RSA key shorter than 2048 bits.</item>
/// </list>
/// </summary>
public sealed class FitImageFormat : IUpdateFormat
{
    public string Name => "U-Boot FIT image";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Bytes;
        if (LoadedTree.Load(bytes) is not { } loaded)
        {
            return null;
        }

        if (loaded.Tree is not { } tree)
        {
            // Only a tree whose root visibly has an images node is taken for a broken FIT; other broken trees are not ours.
            return FlattenedDeviceTree.HasTopLevelNode(bytes.Span, loaded.Header, "images") == true
                ? new UpdateInspection { Format = Name, RollbackSupported = false, Problem = loaded.Problem }
                : null;
        }

        return tree.Root.GetChild("images") is { } images ? Inspect(input, loaded.Header, tree, images) : null;
    }

    private UpdateInspection Inspect(UpdateInput input, FdtHeader header, FlattenedDeviceTree tree, FdtNode images)
    {
        var fit = input.Bytes;
        var configurations = tree.Root.GetChild("configurations");
        var configs = configurations?.Children ?? [];
        var budget = new FitWorkBudget(fit.Length);

        // Configurations first: they are what a secure U-Boot checks, so they get the work budget before the images.
        var configSignatures = configs
            .SelectMany(c => FitNodes.Signatures(c).Select(s => FitSignatureJudge.JudgeConfiguration(s, c, fit.Span, header, input.Anchors, budget)))
            .ToList();
        var parts = images.Children.Select(i => FitImagePart.Build(i, header, fit, input.Anchors, budget)).ToList();
        var signatureNodes = images.Children.Concat(configs).SelectMany(FitNodes.Signatures).ToList();
        var facts = new List<InspectionFact>();
        if (FitNodes.Text(tree.Root, "description") is { } description)
        {
            facts.Add(new("description", description));
        }

        facts.Add(new("images", Counted(images.Children.Select(i => i.Name))));
        facts.Add(new("configurations", Counted(configs.Select(c => c.Name))));
        facts.Add(new("default configuration", configurations is null ? "none" : FitNodes.Text(configurations, "default") ?? "none"));
        facts.Add(new("signed configurations", FitFacts.List(configs.Where(c => FitNodes.Signatures(c).Any()).Select(c => c.Name))));
        facts.Add(new("signature algorithms", FitFacts.List(Distinct(signatureNodes.Select(s => FitNodes.Text(s, "algo"))))));
        facts.Add(new("key-name-hints", FitFacts.List(Distinct(signatureNodes.Select(s => FitNodes.Text(s, "key-name-hint"))))));
        var rollback = parts.Select(p => p.Rollback).OfType<RollbackValue>().OrderBy(r => r.Value).FirstOrDefault();
        return new UpdateInspection
        {
            Format = Name,
            Signatures = [.. configSignatures, .. parts.SelectMany(p => p.Signatures)],
            Integrity = Combine(parts),
            Rollback = rollback,
            RollbackSupported = rollback is not null,
            Problem = parts.Select(p => p.Problem).FirstOrDefault(p => p is not null) ?? (budget.Exhausted ? FitWorkBudget.Problem : null),
            Facts = facts,
            Weaknesses = FitWeaknesses.Find(images, configurations),
            Parts = parts,
        };
    }

    /// <summary>The images' hash checks as one: matching only when every recomputed hash matched.</summary>
    private static IntegrityFinding? Combine(List<UpdateInspection> parts)
    {
        var checks = parts.Select(p => p.Integrity).OfType<IntegrityFinding>().ToList();
        if (checks.Count == 0)
        {
            return null;
        }

        var computed = checks.Where(c => c.Matches is not null).ToList();
        bool? matches = computed.Count == 0 ? null : computed.All(c => c.Matches == true);
        var kinds = Distinct(checks.SelectMany(c => c.Kind.Split(" + ")));
        return new IntegrityFinding(string.Join(" + ", kinds), matches,
            checks.Count == parts.Count
                ? string.Create(CultureInfo.InvariantCulture, $"the data of all {parts.Count} image nodes")
                : string.Create(CultureInfo.InvariantCulture, $"the data of {checks.Count} of the {parts.Count} image nodes (the others have no hash node or no data)"));
    }

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string Counted(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{list.Count}: {FitFacts.List(list)}");
    }
}
