using ComplianceAuditor.Formats.DeviceTree;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>Which image nodes the signature of a configuration vouches for.</summary>
internal static class FitCoverage
{
    /// <summary>
    /// The names of the images <paramref name="signature"/> (a node under <paramref name="configuration"/>) covers:
    /// those its <c>hashed-nodes</c> list (what U-Boot actually hashes); before mkimage has written that list, those
    /// its <c>sign-images</c> names through the configuration's properties; without either, every image the
    /// configuration refers to.
    /// </summary>
    public static IEnumerable<string> Images(FdtNode configuration, FdtNode signature, FdtNode images)
    {
        if (FitSignatureJudge.HashedNodes(signature) is { } hashed)
        {
            return hashed.Where(p => p.StartsWith("/images/", StringComparison.Ordinal) && p.IndexOf('/', 8) < 0)
                .Select(p => p[8..]);
        }

        var properties = signature.GetProperty("sign-images")?.AsStringList() is { } names
            ? names.Select(configuration.GetProperty).OfType<FdtProperty>()
            : configuration.Properties;
        return properties.SelectMany(p => p.AsStringList() ?? []).Where(name => images.GetChild(name) is not null);
    }
}
