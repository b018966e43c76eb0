using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Cli.Audit;

/// <summary>The options of one <c>audit</c> run, as parsed from the command line.</summary>
internal sealed record AuditSettings
{
    public required IReadOnlyList<string> Targets { get; init; }

    public required string OutputDirectory { get; init; }

    public required IReadOnlyList<string> Formats { get; init; }

    public TargetKind? As { get; init; }

    public IReadOnlyList<string> RuleDirectories { get; init; } = [];

    public IReadOnlyList<string> DisabledRules { get; init; } = [];

    /// <summary>Rule ids or id prefixes ending in '*' to run; empty runs every rule.</summary>
    public IReadOnlyList<string> OnlyRules { get; init; } = [];

    /// <summary>Exit 1 when a failure of this severity or higher is found; null never does.</summary>
    public Severity? FailOn { get; init; }

    public string? PdfFont { get; init; }

    /// <summary>A folder of Liquid templates replacing the built-in ones (<c>--template-dir</c>), or null.</summary>
    public string? TemplateDirectory { get; init; }

    /// <summary>A lab's theme file: name, logo and colours for the PDF and HTML (<c>--theme</c>), or null.</summary>
    public string? ThemeFile { get; init; }

    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Open the images, archives and file systems found in the targets.</summary>
    public bool Unpack { get; init; } = true;

    public Unpacking.UnpackLimits UnpackLimits { get; init; } = new();

    /// <summary>Show secrets in the reports instead of redacting them.</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>Time allowed per account file to prove default passwords; zero switches it off.</summary>
    public TimeSpan CrackTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Images compared with the targets for shared secrets, but not audited themselves.</summary>
    public IReadOnlyList<string> Previous { get; init; } = [];

    /// <summary>Files of public keys or certificates the device trusts, to verify update signatures with.</summary>
    public IReadOnlyList<string> PublicKeys { get; init; } = [];

    /// <summary>How much of a repository target's history the rules that read history see.</summary>
    public Repository.HistoryMode History { get; init; } = Repository.HistoryMode.Full;

    /// <summary>A revision: only history not reachable from it is read (what is new since a release).</summary>
    public string? Since { get; init; }

    /// <summary>History blobs larger than this are not read; the report names each one.</summary>
    public long MaxHistoryBlob { get; init; } = Repository.HistoryScanOptions.DefaultMaxBlobBytes;

    /// <summary>The device's RAM in bytes, as the manufacturer declares it; null when not given.</summary>
    public long? DeviceRam { get; init; }

    /// <summary>The manufacturer's declaration file (<c>--declaration</c>).</summary>
    public string? Declaration { get; init; }

    /// <summary>The waivers file (<c>--waivers</c>).</summary>
    public string? Waivers { get; init; }

    /// <summary>An earlier report.sarif or report.json, or its folder, to compare failures with (<c>--baseline</c>).</summary>
    public string? Baseline { get; init; }

    /// <summary>The schemes to rate (<c>--scheme</c>); empty for all.</summary>
    public IReadOnlyList<string> Schemes { get; init; } = [];

    /// <summary>Schemes whose failed rating fails the exit code (<c>--fail-on-scheme</c>).</summary>
    public IReadOnlyList<string> FailOnSchemes { get; init; } = [];
}
