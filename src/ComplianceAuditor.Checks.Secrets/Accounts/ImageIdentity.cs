using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Secrets.Accounts;

/// <summary>
/// The names a device gives itself in its image (host name, model, vendor, distribution), as extra password
/// candidates: vendors often set the factory password to the product's name. Found once per target, from a few small
/// identity files, and cached against the inventory.
/// </summary>
internal static partial class ImageIdentity
{
    private const int MaxFileBytes = 64 * 1024;
    private const int MaxValues = 16;

    /// <summary>Files that name the device, and how to read a value from each line.</summary>
    private static readonly (string Suffix, Regex Value)[] Sources =
    [
        ("etc/hostname", WholeLine()),
        ("etc/config/system", UciHostname()),
        ("etc/openwrt_release", ShellValue()),
        ("etc/device_info", ShellValue()),
        ("etc/os-release", ShellValue()),
        ("usr/lib/os-release", ShellValue()),
        ("etc/board.json", JsonModel()),
        ("etc/model", WholeLine()),
        ("etc/product", WholeLine()),
    ];

    private static readonly ConditionalWeakTable<TargetInventory, Lazy<IReadOnlyList<string>>> Cache = [];

    /// <summary>Distinct names, in the order of <see cref="Sources"/>, at most <see cref="MaxValues"/>.</summary>
    public static IReadOnlyList<string> For(TargetInventory inventory) =>
        Cache.GetValue(inventory, i => new Lazy<IReadOnlyList<string>>(() => Find(i), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static string[] Find(TargetInventory inventory)
    {
        // One pass over the paths (a large tree has hundreds of thousands); packed inventories give a path without
        // making the artifact, so only the few matches are made.
        var artifacts = inventory.Artifacts;
        var paths = artifacts as IArtifactPaths;
        var matches = new List<(int Source, int Artifact)>();
        for (var i = 0; i < artifacts.Count; i++)
        {
            var relative = paths?.RelativePathAt(i) ?? artifacts[i].RelativePath;
            var source = Array.FindIndex(Sources, s => relative == s.Suffix || relative.EndsWith("/" + s.Suffix, StringComparison.Ordinal));
            if (source >= 0 && matches.Count < 256)
            {
                matches.Add((source, i));
            }
        }

        var values = new List<string>();
        foreach (var (source, index) in matches.OrderBy(m => m.Source).ThenBy(m => m.Artifact))
        {
            foreach (var value in Read(artifacts[index], Sources[source].Value))
            {
                if (values.Count < MaxValues && !values.Contains(value, StringComparer.Ordinal))
                {
                    values.Add(value);
                }
            }
        }

        return [.. values];
    }

    private static string[] Read(Artifact artifact, Regex pattern)
    {
        if (artifact.Kind != ArtifactKind.Text || artifact.Content is not { } content || artifact.Size > MaxFileBytes)
        {
            return [];
        }

        string text;
        try
        {
            using var stream = content.OpenRead();
            var buffer = new byte[MaxFileBytes];
            text = Encoding.UTF8.GetString(buffer, 0, stream.ReadAtLeast(buffer, MaxFileBytes, throwOnEndOfStream: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A name we cannot read is one candidate fewer, not a failure of the rule.
            return [];
        }

        return pattern.Matches(text)
            .Select(m => m.Groups["value"].Value.Trim())
            .Where(v => v.Length is >= 3 and <= 32 && v.All(c => !char.IsControl(c)))
            .ToArray();
    }

    [GeneratedRegex(@"^(?<value>[^\r\n#]+)$", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WholeLine();

    [GeneratedRegex(@"^\s*option\s+hostname\s+['""]?(?<value>[^'""\r\n]+)", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UciHostname();

    // DISTRIB_ID='OpenWrt', NAME="Debian GNU/Linux", DEVICE_PRODUCT='Archer C7'; versions and URLs are not names.
    [GeneratedRegex(@"^(?:DISTRIB_ID|DISTRIB_DESCRIPTION|NAME|ID|DEVICE_MANUFACTURER|DEVICE_PRODUCT|VENDOR|MODEL|PRODUCT)=['""]?(?<value>[^'""\r\n]+)", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ShellValue();

    [GeneratedRegex(@"""(?:id|name)""\s*:\s*""(?<value>[^""\r\n]+)""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonModel();
}
