using ComplianceAuditor.Update.Configuration.BuildConfigs;
using ComplianceAuditor.Update.Configuration.Scanning;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// An OpenWrt build tree seen as a view: a <c>.config</c> (or <c>.config-*</c>) at its top naming a target board
/// or the signed-packages choice. Its configuration, not the templates under <c>package/</c>, says what the
/// built image will enforce.
/// </summary>
internal static class OpenWrtTree
{
    public const string OpkgTemplate = "/package/system/opkg/files/opkg.conf";

    /// <summary>The first build configuration at the top of the view, with its path, or null.</summary>
    public static (string Path, OpenWrtBuildSettings Settings)? Find(ScanContext context)
    {
        foreach (var path in context.FilesIn("/"))
        {
            var name = path[1..];
            if (name != ".config" && !name.StartsWith(".config-", StringComparison.Ordinal))
            {
                continue;
            }

            if (context.Parse(path) is { } file && OpenWrtBuildConfig.Read(file.Text, path) is { } settings
                && (settings.Target is not null || file.Text.Contains("CONFIG_SIGNED_PACKAGES", StringComparison.Ordinal)))
            {
                return (path, settings);
            }
        }

        return null;
    }
}
