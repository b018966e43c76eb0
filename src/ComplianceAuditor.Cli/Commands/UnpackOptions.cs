using System.CommandLine;
using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Cli.Commands;

/// <summary>The unpacking limits as command-line options, shared by <c>audit</c> and <c>unpack</c>; defaults from <see cref="UnpackLimits"/>.</summary>
internal sealed class UnpackOptions
{
    private static readonly UnpackLimits Defaults = new();

    private readonly Option<string> _maxBytes = new("--max-unpack-bytes")
    {
        Description = $"Bytes extracted per target at most (K, M, G suffixes) [default: {Size(Defaults.MaxTotalBytes)}]",
    };

    private readonly Option<string> _maxFileBytes = new("--max-unpack-file-bytes")
    {
        Description = $"Bytes of one extracted file at most [default: {Size(Defaults.MaxFileBytes)}]",
    };

    private readonly Option<int> _maxFiles = new("--max-unpack-files")
    {
        Description = "Entries extracted per target at most",
        DefaultValueFactory = _ => Defaults.MaxFiles,
    };

    private readonly Option<int> _maxDepth = new("--max-unpack-depth")
    {
        Description = "Containers nested inside containers at most",
        DefaultValueFactory = _ => Defaults.MaxDepth,
    };

    private readonly Option<double> _maxRatio = new("--max-unpack-ratio")
    {
        Description = "Bytes extracted from one container per byte of it at most (decompression bombs)",
        DefaultValueFactory = _ => Defaults.MaxRatio,
    };

    private readonly Option<int> _maxCarved = new("--max-carved-images")
    {
        Description = "Images carved out of one blob at most",
        DefaultValueFactory = _ => Defaults.MaxCarvedPerBlob,
    };

    private readonly Option<int> _maxCarveChecks = new("--max-carve-checks")
    {
        Description = "Candidate headers checked while searching one blob for embedded images",
        DefaultValueFactory = _ => Defaults.MaxCarveChecks,
    };

    private readonly Option<int> _externalTimeout = new("--external-timeout")
    {
        Description = "Seconds an external extractor (unsquashfs, unyaffs...) may run on one image",
        DefaultValueFactory = _ => (int)Defaults.ExternalTimeout.TotalSeconds,
    };

    public IEnumerable<Option> All => [_maxBytes, _maxFileBytes, _maxFiles, _maxDepth, _maxRatio, _maxCarved, _maxCarveChecks, _externalTimeout];

    /// <summary>The limits, or null with the message for a value out of range.</summary>
    public (UnpackLimits? Limits, string? Error) Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var total = ParseSize(parse.GetValue(_maxBytes), Defaults.MaxTotalBytes);
        var file = ParseSize(parse.GetValue(_maxFileBytes), Defaults.MaxFileBytes);
        if (total is null or <= 0)
        {
            return (null, "--max-unpack-bytes must be a positive size such as 512M or 8G");
        }

        if (file is null or <= 0)
        {
            return (null, "--max-unpack-file-bytes must be a positive size such as 512M or 2G");
        }

        var (files, depth, ratio) = (parse.GetValue(_maxFiles), parse.GetValue(_maxDepth), parse.GetValue(_maxRatio));
        var (carved, checks, timeout) = (parse.GetValue(_maxCarved), parse.GetValue(_maxCarveChecks), parse.GetValue(_externalTimeout));
        var error = files <= 0 ? "--max-unpack-files must be positive"
            : depth is <= 0 or > 64 ? "--max-unpack-depth must be between 1 and 64"
            : ratio <= 1 || double.IsNaN(ratio) ? "--max-unpack-ratio must be above 1"
            : carved <= 0 ? "--max-carved-images must be positive"
            : checks <= 0 ? "--max-carve-checks must be positive"
            : timeout is <= 0 or > 86_400 ? "--external-timeout must be between 1 and 86400 seconds"
            : null;
        if (error is not null)
        {
            return (null, error);
        }

        return (Defaults with
        {
            MaxTotalBytes = total.Value,
            MaxFileBytes = file.Value,
            MaxFiles = files,
            MaxDepth = depth,
            MaxRatio = ratio,
            MaxCarvedPerBlob = carved,
            MaxCarveChecks = checks,
            ExternalTimeout = TimeSpan.FromSeconds(timeout),
        }, null);
    }

    /// <summary>"4096", "64K", "512M", "8G" (powers of 1024); null when it is not a size.</summary>
    internal static long? ParseSize(string? text, long fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var t = text.Trim().ToUpperInvariant();
        var shift = t[^1] switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0 };
        var digits = shift == 0 ? t : t[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= long.MaxValue >> shift ? n << shift : null;
    }

    private static string Size(long bytes) => bytes % (1L << 30) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30}G")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20}M");
}
