using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>The FIT weaknesses <see cref="FitImageFormat"/> documents, found from the tree's structure.</summary>
internal static class FitWeaknesses
{
    public static List<UpdateWeakness> Find(FdtNode images, FdtNode? configurations)
    {
        var weaknesses = new List<UpdateWeakness>();
        var configs = configurations?.Children ?? [];
        var signedConfigs = configs.Where(c => FitNodes.Signatures(c).Any()).ToList();
        if (signedConfigs.Count == 0)
        {
            weaknesses.Add(new("fit-configuration-unsigned", configs.Count == 0
                ? "the FIT has no configurations, so nothing binds its images together: signed images can be mixed and matched"
                : $"none of the {configs.Count} configurations ({FitFacts.List(configs.Select(c => c.Name))}) has a signature node: "
                    + "signed images from different releases can be mixed and matched"));
        }
        else if (configs.Count > signedConfigs.Count)
        {
            // One unsigned configuration is enough: whoever picks it at boot combines images nothing binds together.
            var unsigned = configs.Where(c => !signedConfigs.Contains(c)).Select(c => c.Name);
            weaknesses.Add(new("fit-configuration-unsigned",
                $"configuration(s) {FitFacts.List(unsigned)} have no signature node, beside signed ones: booting them combines images nothing binds together"));
        }

        var covered = new HashSet<string>(
            signedConfigs.SelectMany(c => FitNodes.Signatures(c).SelectMany(s => FitCoverage.Images(c, s, images))),
            StringComparer.Ordinal);
        foreach (var image in images.Children)
        {
            if (!FitNodes.Signatures(image).Any() && !covered.Contains(image.Name))
            {
                weaknesses.Add(new("fit-image-unsigned", $"image {image.Path} has no signature node and no signed configuration covers it"));
            }

            var hashes = FitNodes.Hashes(image).Select(h => FitNodes.Text(h, "algo") ?? "(none)").ToList();
            if (hashes.Count > 0 && !hashes.Any(FitHashAlgorithm.IsStrong))
            {
                weaknesses.Add(new("fit-weak-hash", $"image {image.Path} is hashed only with {string.Join(", ", hashes.Distinct(StringComparer.Ordinal))}"));
            }
        }

        foreach (var owner in images.Children.Concat(configs))
        {
            var algorithms = FitNodes.Signatures(owner)
                .Select(s => FitNodes.Text(s, "algo") is { } text ? FitSignatureAlgorithm.Parse(text, null) : null)
                .OfType<FitSignatureAlgorithm>()
                .ToList();
            if (algorithms.Count > 0 && !algorithms.Any(a => FitHashAlgorithm.IsStrong(a.Hash)))
            {
                var names = string.Join(", ", algorithms.Select(a => a.Text).Distinct(StringComparer.Ordinal));
                weaknesses.Add(new("fit-weak-hash", $"every signature of {owner.Path} uses a weak hash ({names})"));
            }

            foreach (var weak in algorithms.Where(a => a.IsRsa && a.KeyBits < 2048).Select(a => a.Text).Distinct(StringComparer.Ordinal))
            {
                weaknesses.Add(new("fit-weak-key", $"{owner.Path} is signed with {weak}: RSA keys under 2048 bits can be factored"));
            }
        }

        return weaknesses;
    }
}
