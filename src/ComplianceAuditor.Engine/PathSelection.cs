using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Engine;

/// <summary>The <c>paths</c> and <c>exclude</c> globs of a rule, compiled once; shared by every check family.</summary>
public sealed class PathSelection
{
    private readonly IReadOnlyList<PathGlob> _include;
    private readonly IReadOnlyList<PathGlob> _exclude;

    private PathSelection(IReadOnlyList<PathGlob> include, IReadOnlyList<PathGlob> exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    /// <summary>Reads the globs; <paramref name="required"/> says whether <c>paths</c> must be given.</summary>
    public static PathSelection From(CheckSpec spec, bool required)
    {
        var include = Compile(spec, "paths");
        if (required && include.Length == 0)
        {
            throw new CheckParameterException("paths", $"check.paths is required for check kind '{spec.Kind}'");
        }

        return new PathSelection(include, Compile(spec, "exclude"));
    }

    public IReadOnlyList<PathGlob> Include => _include;

    /// <summary>True when <c>paths</c> was given (otherwise every file is selected).</summary>
    public bool IsExplicit => _include.Count > 0;

    /// <remarks>Loops, not lambdas: this runs for every rule on every artifact, and each lambda was an allocation.</remarks>
    public bool Matches(Artifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return Matches(artifact.RelativePath);
    }

    /// <summary>Whether an artifact at <paramref name="relativePath"/> is selected.</summary>
    public bool Matches(string relativePath) =>
        (_include.Count == 0 || AnyMatch(_include, relativePath)) && !AnyMatch(_exclude, relativePath);

    private static bool AnyMatch(IReadOnlyList<PathGlob> globs, string path)
    {
        for (var i = 0; i < globs.Count; i++)
        {
            if (globs[i].IsMatch(path))
            {
                return true;
            }
        }

        return false;
    }

    public string Describe() => _include.Count == 0 ? "all files" : "files matching " + string.Join(", ", _include);

    private static PathGlob[] Compile(CheckSpec spec, string name)
    {
        var globs = spec.GetStringList(name);
        var compiled = new PathGlob[globs.Count];
        for (var i = 0; i < globs.Count; i++)
        {
            try
            {
                compiled[i] = new PathGlob(globs[i]);
            }
            catch (ArgumentException e)
            {
                throw new CheckParameterException($"{name}[{i}]", $"check.{name}[{i}]: {e.Message}");
            }
        }

        return compiled;
    }
}
