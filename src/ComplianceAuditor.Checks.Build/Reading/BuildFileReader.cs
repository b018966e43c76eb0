using ComplianceAuditor.BuildHardening;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Build.Reading;

/// <summary>
/// Reads one build file with the BuildHardening readers: at most <see cref="BuildHardening.Common.BuildFileText.MaxBytes"/>,
/// never throwing for what the file holds. The analysis is kept in the artifact scratch, so the several build rules
/// that look at one file read and parse it once.
/// </summary>
internal static class BuildFileReader
{
    private const string ScratchKey = "build-hardening-analysis";

    /// <summary>The analysis of the artifact of <paramref name="context"/>, shared with the other rules on it.</summary>
    public static BuildFileAnalysis Read(CheckContext context) => context.Scratch.GetOrAdd(ScratchKey, () => Read(context.Artifact));

    /// <summary>The analysis of <paramref name="artifact"/>; an unreadable file gives an analysis with a problem.</summary>
    public static BuildFileAnalysis Read(Artifact artifact)
    {
        if (artifact.Content is not { } content)
        {
            return Unreadable(artifact, "the file has no readable content");
        }

        try
        {
            using var stream = content.OpenRead();
            return BuildHardeningFiles.Analyze(stream, artifact.RelativePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable(artifact, IoErrors.Describe(e));
        }
    }

    private static BuildFileAnalysis Unreadable(Artifact artifact, string problem) =>
        new(artifact.RelativePath, BuildFileKind.None, null, null, null, null, problem);
}
