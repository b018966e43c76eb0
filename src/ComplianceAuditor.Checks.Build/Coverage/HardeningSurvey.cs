using ComplianceAuditor.BuildHardening;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Flags;
using ComplianceAuditor.BuildHardening.Yocto;
using ComplianceAuditor.Checks.Build.Reading;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Build.Coverage;

/// <summary>
/// Which of the Linux userland hardening features the build files of a working tree turn on, and where; which are
/// left to defaults outside the repository (a Buildroot version, a Yocto distribution); and which files could not
/// be read. Zephyr fragments and CMake or Make files of bare-metal builds are left out: stack canaries and memory
/// protection there are a matter for the Zephyr rules, and PIE or RELRO do not exist.
/// </summary>
internal sealed class HardeningSurvey
{
    /// <summary>The features every Linux build should request: what checksec looks for in the binaries it yields.</summary>
    public static readonly IReadOnlyList<string> Features = ["ssp", "fortify", "pie", "relro", "bind-now"];

    /// <summary>At most this many build files are read for one target: a bound on time, not a limit real trees reach.</summary>
    public const int MaxFiles = 2_000;

    /// <summary>At most this many bytes are read over all files of one target.</summary>
    public const long MaxTotalBytes = 64L << 20;

    private readonly Dictionary<string, FeatureSource> enabled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> deferred = new(StringComparer.Ordinal);
    private readonly List<SurveyedFile> files = [];
    private readonly List<(Artifact File, BareMetalSign Sign)> bareMetal = [];
    private readonly List<string> unread = [];

    /// <summary>The first place (in path order) each feature is turned on.</summary>
    public IReadOnlyDictionary<string, FeatureSource> Enabled => enabled;

    /// <summary>Per feature, the files that leave it to a default the repository does not show.</summary>
    public IReadOnlyDictionary<string, List<string>> Deferred => deferred;

    /// <summary>The CMake, Make, Buildroot and Yocto files counted.</summary>
    public IReadOnlyList<SurveyedFile> Files => files;

    /// <summary>CMake or Make files left out because they build for a microcontroller or without an OS.</summary>
    public IReadOnlyList<(Artifact File, BareMetalSign Sign)> BareMetal => bareMetal;

    /// <summary>Files, or parts of files, that were not read, each with why.</summary>
    public IReadOnlyList<string> Unread => unread;

    /// <summary>Reads <paramref name="candidates"/> (build files of the working tree, in path order) within the bounds.</summary>
    public static HardeningSurvey Collect(IReadOnlyList<Artifact> candidates, CancellationToken cancellationToken)
    {
        var survey = new HardeningSurvey();
        long bytes = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i >= MaxFiles || bytes >= MaxTotalBytes)
            {
                survey.unread.Add($"{candidates.Count - i} more build files (the survey reads at most {MaxFiles} files and {MaxTotalBytes >> 20} MiB)");
                break;
            }

            var file = candidates[i];
            bytes += Math.Min(Math.Max(file.Size, 0), BuildFileText.MaxBytes);
            survey.Add(file, file.Kind == ArtifactKind.Unreadable
                ? new BuildFileAnalysis(file.RelativePath, BuildFileKind.None, null, null, null, null, file.Note ?? "unreadable")
                : BuildFileReader.Read(file));
        }

        return survey;
    }

    private void Add(Artifact file, BuildFileAnalysis analysis)
    {
        if (analysis.Problem is { } problem)
        {
            unread.Add($"{file.RelativePath}: {problem}");
            return;
        }

        switch (analysis.Kind)
        {
            case BuildFileKind.CMake or BuildFileKind.Make when analysis.Flags!.BareMetal is { } sign:
                bareMetal.Add((file, sign));
                return;
            case BuildFileKind.CMake or BuildFileKind.Make:
                Count(file, analysis, analysis.Flags!.Features);
                break;
            case BuildFileKind.Buildroot:
                // A feature a Buildroot configuration does not write takes the default of the Buildroot version used.
                Count(file, analysis, [.. analysis.Buildroot!.Features, analysis.Buildroot.BindNow], "the Buildroot default");
                break;
            case BuildFileKind.Yocto:
                Yocto(file, analysis, analysis.Yocto!);
                break;
            default:
                // Zephyr fragments and files of no known build system say nothing about Linux userland hardening.
                return;
        }

        if (analysis.Truncated)
        {
            unread.Add($"{file.RelativePath}: only its first part was read");
        }
    }

    private void Yocto(Artifact file, BuildFileAnalysis analysis, YoctoSettings yocto)
    {
        // security_flags.inc sets the stack protector, FORTIFY, PIE and "-z relro -z now" for every recipe together.
        var security = yocto.SecurityFlags;
        IEnumerable<HardeningFeature> fromInclude = security.State == HardeningState.Enabled
            ? Features.Select(f => security with { Name = f })
            : [];
        Count(file, analysis, [.. yocto.Flags.Features, .. fromInclude]);
        if (security.State == HardeningState.Unknown)
        {
            foreach (var feature in Features)
            {
                Defer(feature, $"{file.RelativePath} (the Yocto distribution decides, through security_flags.inc)");
            }
        }
    }

    private void Count(Artifact file, BuildFileAnalysis analysis, IReadOnlyList<HardeningFeature> features, string? defaultName = null)
    {
        var turnedOn = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var feature in features.Where(f => Features.Contains(f.Name)))
        {
            if (feature.State == HardeningState.Enabled)
            {
                turnedOn.Add(feature.Name);
                enabled.TryAdd(feature.Name, new FeatureSource(feature.Name, file, feature.Line, feature.Reason));
            }
            else if (feature.State == HardeningState.Unknown && defaultName is not null)
            {
                Defer(feature.Name, $"{file.RelativePath} ({defaultName})");
            }
        }

        files.Add(new SurveyedFile(file, BuildFileKinds.Name(analysis.Kind), [.. turnedOn]));
    }

    private void Defer(string feature, string where)
    {
        if (!deferred.TryGetValue(feature, out var list))
        {
            deferred[feature] = list = [];
        }

        list.Add(where);
    }
}
