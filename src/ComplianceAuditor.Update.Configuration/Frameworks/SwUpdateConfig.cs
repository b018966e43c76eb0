using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Configuration.Scanning;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>What one or more <c>swupdate.cfg</c> files say: key, minimum versions, selection, servers, URLs and TLS switches.</summary>
internal sealed class SwUpdateConfig
{
    public List<Setting> Keys { get; } = [];

    public List<Setting> MinimumVersions { get; } = [];

    public List<Setting> Selections { get; } = [];

    public List<TransportIssue> Issues { get; } = [];

    public List<InspectionFact> Facts { get; } = [];

    /// <summary>The suricatta or gservice server polled for updates, with its location, or null.</summary>
    public Setting? Server { get; private set; }

    public static SwUpdateConfig Read(ScanContext context, IEnumerable<string> paths)
    {
        var config = new SwUpdateConfig();
        foreach (var path in paths)
        {
            if (context.Parse(path) is not { } file)
            {
                continue;
            }

            var entries = LibconfigReader.Read(file.Text, out var problem);
            if (problem is not null)
            {
                context.Problem($"{path}: {problem}");
            }

            config.Add(file, entries);
        }

        return config;
    }

    private void Add(TextFile file, IReadOnlyList<ConfigEntry> entries)
    {
        foreach (var entry in entries)
        {
            var at = new FileLocation(file.Path, entry.Line);
            var name = entry.Key[(entry.Key.LastIndexOf('.') + 1)..];
            var setting = $"{entry.Key} = {entry.Value}";
            switch (name)
            {
                case "public-key-file":
                    Keys.Add(new Setting(entry.Value, at));
                    break;
                case "no-downgrading":
                    MinimumVersions.Add(new Setting($"{entry.Key} = {entry.Value}", at));
                    break;
                case "select" when entry.Key == "globals.select":
                    Selections.Add(new Setting(entry.Value, at));
                    break;
                case "nocheckcert" when IniReader.IsTrue(entry.Value):
                    Issues.Add(TransportScanner.Issue(TransportIssueKind.TlsVerificationDisabled, at, setting));
                    break;
                default:
                    break;
            }

            Issues.AddRange(UrlScanner.Find(entry.Value).Select(u => TransportScanner.Issue(u.Kind, at, setting)));
        }

        foreach (var section in (string[])["suricatta", "gservice"])
        {
            var url = entries.FirstOrDefault(e => e.Key == section + ".url");
            var enabled = !IniReader.IsFalse(entries.FirstOrDefault(e => e.Key == section + ".enable")?.Value);
            if (url is not null && enabled)
            {
                Server ??= new Setting($"{section}.url = {url.Value}", new FileLocation(file.Path, url.Line));
                Facts.Add(new InspectionFact($"{section} server", url.Value));
                if (entries.FirstOrDefault(e => e.Key == section + ".polldelay") is { } delay)
                {
                    Facts.Add(new InspectionFact($"{section} poll delay (s)", delay.Value));
                }
            }
        }
    }
}
