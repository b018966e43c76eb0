using ComplianceAuditor.Update.Configuration.Parsing;

namespace ComplianceAuditor.Update.Configuration.Scanning;

/// <summary>
/// Every command the root file system runs by itself: systemd services and the timers that start them, cron
/// tables and the cron.daily-style folders, and init scripts. Detectors ask it whether their updater is run
/// periodically (CHK-UPD-09). Bounded to <see cref="MaxEntries"/> entries.
/// </summary>
internal sealed class AutomationIndex
{
    public const int MaxEntries = 20_000;

    private static readonly string[] SystemdDirectories =
        ["/etc/systemd/system", "/run/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system"];

    private static readonly string[] CronTables = ["/etc/cron.d", "/etc/crontabs", "/var/spool/cron/crontabs", "/var/spool/cron"];

    private static readonly string[] CronFolders = ["/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly", "/etc/cron.monthly"];

    private readonly List<AutomationEntry> entries = [];

    public IReadOnlyList<AutomationEntry> Entries => entries;

    public static AutomationIndex Build(ScanContext context)
    {
        var index = new AutomationIndex();
        index.AddSystemd(context);
        index.AddCron(context);
        foreach (var script in context.FilesIn("/etc/init.d"))
        {
            index.AddLines(context, script, AutomationKind.InitScript, isTable: false);
        }

        return index;
    }

    /// <summary>The entries, first periodic ones, that satisfy <paramref name="match"/>.</summary>
    public IReadOnlyList<AutomationEntry> Find(Func<AutomationEntry, bool> match) =>
        [.. entries.Where(match).OrderBy(e => e.IsPeriodic ? 0 : 1)];

    private void AddSystemd(ScanContext context)
    {
        var services = new Dictionary<string, List<AutomationEntry>>(StringComparer.Ordinal);
        var timers = new List<(string Name, string Unit, FileLocation Location)>();
        foreach (var path in SystemdDirectories.SelectMany(context.Under))
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            if (!name.EndsWith(".service", StringComparison.Ordinal) && !name.EndsWith(".timer", StringComparison.Ordinal))
            {
                continue;
            }

            if (context.Text(path) is not { } file)
            {
                continue;
            }

            var ini = IniReader.Read(file);
            if (name.EndsWith(".timer", StringComparison.Ordinal))
            {
                var unit = IniReader.Find(ini, "Timer", "Unit")?.Value ?? name[..^".timer".Length] + ".service";
                timers.Add((name, unit, new FileLocation(path, 1)));
                continue;
            }

            var list = services.TryGetValue(name, out var existing) ? existing : services[name] = [];
            foreach (var exec in ini.Where(e => e.Section == "Service" && e.Key.StartsWith("Exec", StringComparison.Ordinal)))
            {
                var entry = new AutomationEntry(AutomationKind.Service, name, exec.Value, new FileLocation(path, exec.Line));
                list.Add(entry);
                Add(entry);
            }
        }

        foreach (var (name, unit, location) in timers)
        {
            var started = services.GetValueOrDefault(unit) ?? [];
            Add(started.Count == 0
                ? new AutomationEntry(AutomationKind.Timer, name, unit, location)
                : started[0] with { Kind = AutomationKind.Timer, Name = name + " -> " + unit });
            foreach (var more in started.Skip(1))
            {
                Add(more with { Kind = AutomationKind.Timer, Name = name + " -> " + unit });
            }
        }
    }

    private void AddCron(ScanContext context)
    {
        var tables = CronTables.SelectMany(d => context.FilesIn(d)).Prepend("/etc/crontab").Where(context.Exists);
        foreach (var table in tables.Distinct(StringComparer.Ordinal))
        {
            AddLines(context, table, AutomationKind.Cron, isTable: true);
        }

        foreach (var script in CronFolders.SelectMany(d => context.FilesIn(d)))
        {
            AddLines(context, script, AutomationKind.Cron, isTable: false);
        }
    }

    private void AddLines(ScanContext context, string path, AutomationKind kind, bool isTable)
    {
        if (context.Text(path) is not { } file)
        {
            return;
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        for (var i = 0; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i].Trim();
            if (line.Length == 0 || ShellWords.IsComment(line) || (isTable && IsAssignment(line)))
            {
                continue;
            }

            Add(new AutomationEntry(kind, name, line, file.At(i)));
        }
    }

    /// <summary>A crontab environment line (<c>MAILTO=root</c>), not a job.</summary>
    private static bool IsAssignment(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        var space = line.IndexOfAny([' ', '\t']);
        return equals > 0 && (space < 0 || equals < space);
    }

    private void Add(AutomationEntry entry)
    {
        if (entries.Count < MaxEntries)
        {
            entries.Add(entry);
        }
    }
}
