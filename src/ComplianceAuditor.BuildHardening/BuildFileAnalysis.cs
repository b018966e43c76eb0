using ComplianceAuditor.BuildHardening.Buildroot;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.BuildHardening.Flags;
using ComplianceAuditor.BuildHardening.Yocto;
using ComplianceAuditor.BuildHardening.Zephyr;

namespace ComplianceAuditor.BuildHardening;

/// <summary>The result of one build file: the reader's typed result (one of them at most) and its weaknesses.</summary>
/// <param name="Source">The name the caller gave the file.</param>
/// <param name="Kind">The reader chosen; None when the file is not one this library reads.</param>
/// <param name="Problem">Why the file could not be read (a fixed phrase), or null.</param>
public sealed record BuildFileAnalysis(
    string Source,
    BuildFileKind Kind,
    BuildrootSettings? Buildroot,
    YoctoSettings? Yocto,
    ZephyrSettings? Zephyr,
    CompilerFlagReport? Flags,
    string? Problem)
{
    /// <summary>True when the file went on past the bytes read (<see cref="BuildFileText.MaxBytes"/>).</summary>
    public bool Cut { get; init; }

    /// <summary>The weaknesses of whichever reader ran.</summary>
    public IReadOnlyList<BuildWeakness> Weaknesses =>
        Buildroot?.Weaknesses ?? Yocto?.Weaknesses ?? Zephyr?.Weaknesses ?? Flags?.Weaknesses ?? [];

    /// <summary>
    /// True when only part of the file was read: it was cut at the byte limit, or the reader dropped lines or line
    /// tails to stay in bounds. What was found still stands; what was not found may be in the rest.
    /// </summary>
    public bool Truncated =>
        Cut || Buildroot?.Truncated == true || Yocto?.Truncated == true || Zephyr?.Truncated == true || Flags?.Truncated == true;
}
