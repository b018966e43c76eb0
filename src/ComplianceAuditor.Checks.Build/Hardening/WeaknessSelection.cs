using ComplianceAuditor.BuildHardening;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Checks.Build.Hardening;

/// <summary>
/// The weakness codes one rule is about, from its <c>weaknesses</c> parameter: each entry a code of
/// <see cref="BuildWeaknessCodes"/> or a family prefix of them (<c>zephyr</c>, <c>build-flag</c>), and the kinds of build
/// file that can show them.
/// </summary>
internal sealed class WeaknessSelection
{
    private readonly HashSet<string> codes;

    private WeaknessSelection(HashSet<string> codes, IReadOnlyList<BuildFileKind> kinds)
    {
        this.codes = codes;
        Kinds = kinds;
    }

    /// <summary>The kinds of build file whose readers report at least one of the codes, in enum order.</summary>
    public IReadOnlyList<BuildFileKind> Kinds { get; }

    /// <summary>Reads and validates the parameter; an entry that names no code is an error, not a rule that never fails.</summary>
    public static WeaknessSelection From(CheckSpec spec)
    {
        if (!spec.Has("weaknesses"))
        {
            throw new CheckParameterException("weaknesses", $"check kind '{spec.Kind}' needs check.weaknesses: the build weakness codes (or code prefixes) the rule is about");
        }

        var entries = spec.GetStringList("weaknesses");
        if (entries.Count == 0)
        {
            throw new CheckParameterException("weaknesses", "check.weaknesses is empty");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var matching = BuildWeaknessCodes.Matching(entries[i]);
            if (matching.Count == 0)
            {
                throw new CheckParameterException($"weaknesses[{i}]",
                    $"check.weaknesses[{i}] '{entries[i]}' is neither a build weakness code nor a prefix of one (known: {string.Join(", ", BuildWeaknessCodes.All)})");
            }

            codes.UnionWith(matching);
        }

        var kinds = codes.SelectMany(BuildWeaknessCodes.KindsOf).Distinct().Order().ToList();
        return new WeaknessSelection(codes, kinds);
    }

    public bool Covers(BuildWeakness weakness) => codes.Contains(weakness.Code);

    /// <summary>The codes that a file of <paramref name="kind"/> can show, sorted: what a pass says was looked for.</summary>
    public IReadOnlyList<string> CodesFor(BuildFileKind kind) =>
        [.. codes.Where(c => BuildWeaknessCodes.KindsOf(c).Contains(kind)).Order(StringComparer.Ordinal)];
}
