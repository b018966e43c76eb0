namespace ComplianceAuditor.Unpacking;

/// <summary>What the driver gives a reader for one image.</summary>
public sealed class UnpackContext
{
    private readonly Func<string> _scratch;

    public UnpackContext(UnpackLimits limits, Func<string> scratchDirectory, Action<string> warn, CancellationToken cancellationToken)
    {
        Limits = limits;
        _scratch = scratchDirectory;
        Warn = warn;
        CancellationToken = cancellationToken;
    }

    public UnpackLimits Limits { get; }

    /// <summary>Records a problem that did not stop the reading ("2 inodes with a bad block list were skipped").</summary>
    public Action<string> Warn { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// A private, empty folder for this image, created on first use inside the audit's work folder and deleted by the
    /// driver when the audit ends. Only for readers that need files on disk (external extractors).
    /// </summary>
    public string ScratchDirectory() => _scratch();

    /// <summary>A context for tests and tools: default limits, a throw-away scratch folder under <paramref name="scratchRoot"/>.</summary>
    public static UnpackContext ForTesting(string scratchRoot, List<string>? warnings = null, UnpackLimits? limits = null, CancellationToken cancellationToken = default) =>
        new(limits ?? new UnpackLimits(), () => Directory.CreateDirectory(Path.Combine(scratchRoot, Guid.NewGuid().ToString("N"))).FullName, w => warnings?.Add(w), cancellationToken);
}
