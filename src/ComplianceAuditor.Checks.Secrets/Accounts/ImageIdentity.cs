using System.Text;
using System.Text.RegularExpressions;
using ComplianceAuditor.Checks.Secrets.Scanning;
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

    private static readonly PerTarget<IReadOnlyList<string>> Cache = new(Find);

    /// <summary>Distinct names, in the order of <see cref="Sources"/>, at most <see cref="MaxValues"/>.</summary>
    public static IReadOnlyList<string> For(TargetInventory inventory) => Cache.For(inventory);

    private static string[] Find(TargetInventory inventory)
    {
        var matches = TargetFiles.Matching(inventory, relative => SourceOf(relative) >= 0, MaxFileBytes)
            .Where(m => m.Artifact.Kind == ArtifactKind.Text)
            .Take(256)
            .Select((m, order) => (Source: SourceOf(m.RelativePath), Order: order, m.Artifact))
            .OrderBy(m => m.Source)
            .ThenBy(m => m.Order);
        var values = new List<string>();
        foreach (var (source, _, artifact) in matches)
        {
            // A name we cannot read is one candidate fewer, not a failure of the rule.
            if (TargetFiles.Read(artifact) is not { } bytes)
            {
                continue;
            }

            foreach (var value in Values(Encoding.UTF8.GetString(bytes), Sources[source].Value))
            {
                if (values.Count < MaxValues && !values.Contains(value, StringComparer.Ordinal))
                {
                    values.Add(value);
                }
            }
        }

        return [.. values];
    }

    private static int SourceOf(string relative) =>
        Array.FindIndex(Sources, s => relative == s.Suffix || relative.EndsWith("/" + s.Suffix, StringComparison.Ordinal));

    private static string[] Values(string text, Regex pattern) =>
        pattern.Matches(text)
            .Select(m => m.Groups["value"].Value.Trim())
            .Where(v => v.Length is >= 3 and <= 32 && v.All(c => !char.IsControl(c)))
            .ToArray();

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
