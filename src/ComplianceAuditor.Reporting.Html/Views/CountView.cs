namespace ComplianceAuditor.Reporting.Html.Views;

/// <summary>One count of a summary, in display order: the model's word (<c>notApplicable</c>), the word people read and the number.</summary>
public sealed record CountView(string Key, string Word, int Count)
{
    /// <summary>
    /// The counts of a summary dictionary: the known keys in their usual order, then any other in ordinal order, so
    /// the page never depends on a dictionary's enumeration order.
    /// </summary>
    public static IReadOnlyList<CountView> Ordered(IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(order);
        return order.Where(counts.ContainsKey)
            .Concat(counts.Keys.Where(k => !order.Contains(k)).Order(StringComparer.Ordinal))
            .Select(k => new CountView(k, Names.Display(k), counts[k]))
            .ToArray();
    }
}
