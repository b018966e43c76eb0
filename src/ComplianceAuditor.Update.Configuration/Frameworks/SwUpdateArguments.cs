using ComplianceAuditor.Update.Configuration.Parsing;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// The SWUpdate command-line options that matter for security, collected from every place a start command is
/// written (<c>/etc/default/swupdate</c>, <c>conf.d</c> fragments, units, init scripts): <c>-k</c> public key,
/// <c>-N</c> minimum version, <c>-e</c> software-set selection, <c>-u</c> suricatta, and its <c>-x</c> / <c>--nocheckcert</c>.
/// </summary>
internal sealed class SwUpdateArguments
{
    public List<Setting> Keys { get; } = [];

    public List<Setting> MinimumVersions { get; } = [];

    public List<Setting> Selections { get; } = [];

    public List<FileLocation> Suricatta { get; } = [];

    public List<TransportIssue> Issues { get; } = [];

    public void Read(string line, FileLocation location)
    {
        if (ShellWords.IsComment(line))
        {
            return;
        }

        var words = ShellWords.Split(line);
        var suricattaAt = -1;
        var downloadAt = -1;
        for (var i = 0; i < words.Count; i++)
        {
            // An option's value never starts with '-': "-e -u" inside suricatta's own arguments is not a selection.
            var next = i + 1 < words.Count && !words[i + 1].StartsWith('-') ? words[i + 1] : null;
            switch (words[i])
            {
                case "-k" or "--key" when next is not null:
                    Keys.Add(new Setting(next, location));
                    break;
                case "-N" or "--no-downgrading" when next is not null:
                    MinimumVersions.Add(new Setting(next, location));
                    break;
                case "-e" or "--select" when next is not null:
                    Selections.Add(new Setting(next, location));
                    break;
                case "-d" or "--download":
                    downloadAt = i;
                    break;
                case "-u" or "--suricatta" when downloadAt < 0:
                    // After -d, "-u URL" is the downloader's one-shot URL, not the suricatta daemon.
                    suricattaAt = i;
                    Suricatta.Add(location);
                    break;
                case "--nocheckcert":
                case "-x" when suricattaAt >= 0:
                    // -x is suricatta's "ignore flawed server certificates"; outside -u it means something else.
                    Issues.Add(Scanning.TransportScanner.Issue(TransportIssueKind.TlsVerificationDisabled, location, line));
                    break;
                default:
                    break;
            }
        }
    }
}
