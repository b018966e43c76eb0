using System.CommandLine;
using ComplianceAuditor.Cli.Audit;
using ComplianceAuditor.Cli.Output;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Cli.Commands;

/// <summary><c>audit TARGET... --out DIR --format json,sarif,html,pdf</c></summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console, TimeProvider clock, Func<string, string?> environment)
    {
        var targets = new Argument<string[]>("target")
        {
            Description = "Firmware files, unpacked root file systems or git repositories to audit",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the reports into", DefaultValueFactory = _ => "compliance-report" };
        var formats = new Option<string[]>("--format", "-f")
        {
            Description = $"Report formats, comma-separated: {string.Join(", ", ReportFormats.Names)} or all",
            DefaultValueFactory = _ => ["json,sarif,html,pdf"],
        };
        var kind = new Option<string?>("--as") { Description = "Treat every target as this kind instead of detecting it" };
        kind.AcceptOnlyFromAmong("firmware", "rootfs", "repo");
        var rules = CommonOptions.Rules();
        var only = new Option<string[]>("--only")
        {
            Description = "Run only these rules: ids, or prefixes ending in * such as 'CMP1*' (repeatable or comma-separated)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var disable = new Option<string[]>("--disable") { Description = "Rule ids to switch off (repeatable or comma-separated)", Arity = ArgumentArity.ZeroOrMore };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a failure of this severity or higher is found",
            DefaultValueFactory = _ => "none",
        };
        failOn.AcceptOnlyFromAmong("none", "info", "low", "medium", "high", "critical");
        var pdfFont = new Option<string?>("--pdf-font") { Description = "A TrueType/OpenType font file for the PDF instead of the system fonts" };
        var templateDir = new Option<string?>("--template-dir") { Description = "A folder with your own copies of the report templates (report.html.liquid); files missing there are taken from the built-in set" };
        var theme = new Option<string?>("--theme") { Description = "A lab's theme file (YAML): name, logo and colours used by the PDF and HTML reports" };
        var timeout = new Option<int>("--check-timeout") { Description = "Seconds one rule may spend on one artifact", DefaultValueFactory = _ => 30 };
        var noUnpack = new Option<bool>("--no-unpack") { Description = "Do not open images, archives and file systems found in the targets" };
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Show passwords, keys and tokens in the reports instead of redacting them (the reports say so)" };
        var crackTime = new Option<int>("--crack-time")
        {
            Description = "Seconds allowed to test one account file's password hashes against the default-credential dictionary; 0 switches it off",
            DefaultValueFactory = _ => 10,
        };
        var previous = new Option<string[]>("--previous")
        {
            Description = "An earlier release (or another unit's image) to compare secrets and rollback counters with; it is unpacked but not audited (repeatable)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var publicKeys = new Option<string[]>("--public-key")
        {
            Description = "A public key, certificate or CA bundle (PEM or DER) the device trusts for updates, to verify signatures with (repeatable)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var deviceRam = new Option<string?>("--device-ram")
        {
            Description = "The device's RAM (4096, 256K, 2M), to check that the data an update decision needs fits in it (IETF architecture, REQ-5)",
        };
        var history = new Option<string>("--history")
        {
            Description = "How much of a repository's history to search for secrets and keys: none, head (the last commit's files) or full (every commit of every branch and tag)",
            DefaultValueFactory = _ => "full",
        };
        history.AcceptOnlyFromAmong("none", "head", "full");
        var since = new Option<string?>("--since")
        {
            Description = "Read only the history not reachable from this revision (a tag, branch or commit): what is new since a release",
        };
        var maxHistoryBlob = new Option<string>("--max-history-blob")
        {
            Description = "History blobs larger than this (4096, 256K, 16M) are not read; the report names each one",
            DefaultValueFactory = _ => "16M",
        };
        var declaration = new Option<string?>("--declaration")
        {
            Description = "The manufacturer's declaration (YAML, see 'declare --init'): device facts and answers that settle what the tool cannot see",
        };
        var waivers = new Option<string?>("--waivers") { Description = "A YAML file of accepted findings; waived failures stay in the reports, counted separately" };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "An earlier report.sarif or report.json (or the folder holding it): each SARIF failure is marked new or unchanged, and failures no longer found are added as absent",
        };
        var schemes = new Option<string[]>("--scheme")
        {
            Description = "Rate only these schemes (repeatable or comma-separated; default all; see 'schemes list')",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var failOnScheme = new Option<string[]>("--fail-on-scheme")
        {
            Description = "Exit with 1 when the rating of this scheme fails (repeatable or comma-separated)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var unpack = new UnpackOptions();

        var command = new Command("audit", "Audit targets and write reports") { targets, output, formats, kind, rules, only, disable, failOn, pdfFont, templateDir, theme, timeout, noUnpack, showSecrets, crackTime, previous, publicKeys, deviceRam, history, since, maxHistoryBlob, declaration, waivers, baseline, schemes, failOnScheme };
        foreach (var option in unpack.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var (parsedFormats, unknown) = ReportFormats.Parse(parse.GetValue(formats) ?? []);
            if (parsedFormats is null || parsedFormats.Count == 0)
            {
                console.Fail($"error: unknown report format '{unknown}'; use {string.Join(", ", ReportFormats.Names)} or all");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(timeout) is var seconds && seconds is <= 0 or > 86_400)
            {
                console.Fail("error: --check-timeout must be between 1 and 86400 seconds");
                return ExitCodes.Usage;
            }

            // The proof of default passwords runs inside one rule's time limit, so it has to fit in it.
            if (parse.GetValue(crackTime) is var crackSeconds && (crackSeconds < 0 || crackSeconds >= seconds))
            {
                console.Fail($"error: --crack-time must be at least 0 and shorter than --check-timeout ({seconds} s)");
                return ExitCodes.Usage;
            }

            var (limits, limitError) = unpack.Read(parse);
            if (limits is null)
            {
                console.Fail($"error: {limitError}");
                return ExitCodes.Usage;
            }

            long? ram = null;
            if (parse.GetValue(deviceRam) is { } ramText)
            {
                ram = UnpackOptions.ParseSize(ramText, 0);
                if (ram is not > 0)
                {
                    console.Fail($"error: --device-ram '{ramText}' is not a size such as 4096, 256K or 2M");
                    return ExitCodes.Usage;
                }
            }

            var historyMode = Enum.Parse<Repository.HistoryMode>(parse.GetValue(history)!, ignoreCase: true);
            var sinceRevision = parse.GetValue(since);
            if (sinceRevision is not null && historyMode != Repository.HistoryMode.Full)
            {
                console.Fail("error: --since selects part of the full history; it cannot be used with --history none or head");
                return ExitCodes.Usage;
            }

            var blobLimit = UnpackOptions.ParseSize(parse.GetValue(maxHistoryBlob), 0);
            // Each blob is read whole into memory; past 1 GiB that is no longer a limit but a way to run out of it.
            if (blobLimit is not (> 0 and <= 1L << 30))
            {
                console.Fail($"error: --max-history-blob '{parse.GetValue(maxHistoryBlob)}' is not a size from 1 up to 1G, such as 4096, 256K or 16M");
                return ExitCodes.Usage;
            }

            var settings = new AuditSettings
            {
                Targets = parse.GetValue(targets) ?? [],
                OutputDirectory = parse.GetValue(output)!,
                Formats = parsedFormats,
                As = parse.GetValue(kind) is { } k ? Enum.Parse<TargetKind>(k, ignoreCase: true) : null,
                RuleDirectories = parse.GetValue(rules) ?? [],
                OnlyRules = SplitList(parse.GetValue(only)),
                DisabledRules = SplitList(parse.GetValue(disable)),
                FailOn = parse.GetValue(failOn) is { } f && f != "none" ? Enum.Parse<Severity>(f, ignoreCase: true) : null,
                PdfFont = parse.GetValue(pdfFont),
                TemplateDirectory = parse.GetValue(templateDir),
                ThemeFile = parse.GetValue(theme),
                CheckTimeout = TimeSpan.FromSeconds(seconds),
                Unpack = !parse.GetValue(noUnpack),
                UnpackLimits = limits,
                ShowSecrets = parse.GetValue(showSecrets),
                CrackTime = TimeSpan.FromSeconds(crackSeconds),
                Previous = parse.GetValue(previous) ?? [],
                PublicKeys = parse.GetValue(publicKeys) ?? [],
                DeviceRam = ram,
                History = historyMode,
                Since = sinceRevision,
                MaxHistoryBlob = blobLimit.Value,
                Declaration = parse.GetValue(declaration),
                Waivers = parse.GetValue(waivers),
                Baseline = parse.GetValue(baseline),
                Schemes = SplitList(parse.GetValue(schemes)),
                FailOnSchemes = SplitList(parse.GetValue(failOnScheme)),
            };
            return await new AuditPipeline(console, clock, environment).RunAsync(settings, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A repeatable option whose values may also be comma-separated.</summary>
    internal static string[] SplitList(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToArray();
}
