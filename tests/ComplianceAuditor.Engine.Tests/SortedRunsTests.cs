using ComplianceAuditor.Inventory;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>Merging runs sorted one by one gives the order of one sort of the whole list.</summary>
public sealed class SortedRunsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Merged_runs_give_the_order_of_one_sort(int seed)
    {
        var random = new Random(seed);
        var paths = Enumerable.Range(0, 500)
            .Select(i => $"fw/{(char)('a' + random.Next(4))}{(random.Next(2) == 0 ? "!/" : "-")}{random.Next(1000)}#{i}")
            .ToArray();

        // Runs of random lengths, some empty, the first starting after item 0.
        var starts = new List<int>();
        for (var at = 3; at < paths.Length; at += random.Next(0, 40))
        {
            starts.Add(at);
        }

        var merged = SortedRuns.InPathOrder(i => paths[i], starts, paths.Length).Select(i => paths[i]).ToArray();

        Assert.Equal(paths.Order(StringComparer.Ordinal), merged);
    }

    [Fact]
    public void An_empty_list_gives_nothing() =>
        Assert.Empty(SortedRuns.InPathOrder(_ => throw new InvalidOperationException("no item to read"), [], 0));
}
