using ComplianceAuditor.Comparison.Reading;

namespace ComplianceAuditor.Comparison;

/// <summary>
/// Matches schemes by id and provisions by scheme id + provision id, and classifies each pair. Every provision of a
/// scheme present on one side only counts as added or removed, so the counts add up whatever the schemes did.
/// </summary>
public static class SchemeComparer
{
    public static IReadOnlyList<SchemeChange> CompareSchemes(IReadOnlyList<ReportScheme> old, IReadOnlyList<ReportScheme> @new) =>
        Pairs(old, @new)
            .Select(p =>
            {
                var shown = p.New ?? p.Old!;
                return new SchemeChange(shown.Id, shown.ShortTitle, p.Old?.Rating, p.New?.Rating, RatingComparer.Classify(p.Old?.Rating, p.New?.Rating));
            })
            .ToList();

    public static IReadOnlyList<ProvisionChange> CompareProvisions(IReadOnlyList<ReportScheme> old, IReadOnlyList<ReportScheme> @new)
    {
        var changes = new List<ProvisionChange>();
        foreach (var (schemeId, oldScheme, newScheme) in Pairs(old, @new))
        {
            var before = (oldScheme?.Provisions ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
            var after = (newScheme?.Provisions ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
            foreach (var id in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var o = before.GetValueOrDefault(id);
                var n = after.GetValueOrDefault(id);
                var shown = n ?? o!;
                changes.Add(new ProvisionChange(schemeId, id, shown.Title, shown.Status, o?.Verdict, n?.Verdict, VerdictComparer.Classify(o?.Verdict, n?.Verdict)));
            }
        }

        return changes;
    }

    /// <summary>Schemes of both reports paired by id, in ordinal id order.</summary>
    private static IEnumerable<(string Id, ReportScheme? Old, ReportScheme? New)> Pairs(IReadOnlyList<ReportScheme> old, IReadOnlyList<ReportScheme> @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var before = old.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var after = @new.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => (id, before.GetValueOrDefault(id), after.GetValueOrDefault(id)));
    }
}
