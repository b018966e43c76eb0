using System.Globalization;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>Short, bounded renderings of lists for <see cref="Inspection.InspectionFact"/> values.</summary>
internal static class FitFacts
{
    /// <summary>Names shown before the rest are only counted; a hostile tree may have thousands.</summary>
    private const int MaxShown = 32;

    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        if (all.Count == 0)
        {
            return "none";
        }

        var shown = string.Join(", ", all.Take(MaxShown));
        return all.Count <= MaxShown ? shown : string.Create(CultureInfo.InvariantCulture, $"{shown} and {all.Count - MaxShown} more");
    }
}
