using ComplianceAuditor.Core.Collections;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>
/// The lists the report is made of: items made from the audit's own objects when read, and several targets'
/// artifacts read as one list. Index and enumeration must agree, with empty targets anywhere.
/// </summary>
public sealed class LazyListTests
{
    [Fact]
    public void A_projected_list_makes_each_item_when_it_is_read()
    {
        var made = 0;
        var list = new ProjectedList<int, string>([1, 2, 3], n =>
        {
            made++;
            return $"#{n}";
        });

        Assert.Equal(0, made);
        Assert.Equal(3, list.Count);
        Assert.Equal("#2", list[1]);
        Assert.Equal(1, made);
        Assert.Equal(["#1", "#2", "#3"], list);
        Assert.Equal(4, made);
    }

    [Theory]
    [InlineData(new[] { 2, 0, 3 })]
    [InlineData(new[] { 0, 0, 1, 0 })]
    [InlineData(new[] { 0, 4 })]
    [InlineData(new[] { 3, 0, 0 })]
    [InlineData(new[] { 1, 1, 1 })]
    public void A_concatenated_list_indexes_and_enumerates_like_its_parts_one_after_another(int[] sizes)
    {
        var next = 0;
        var parts = sizes.Select(size => Enumerable.Range(0, size).Select(_ => next++).ToArray()).ToArray();
        var expected = parts.SelectMany(p => p).ToArray();

        var list = new ConcatenatedList<int>(parts);

        Assert.Equal(expected.Length, list.Count);
        Assert.Equal(expected, list);
        Assert.Equal(expected, Enumerable.Range(0, list.Count).Select(i => list[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[list.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public void Part_starts_find_the_part_of_each_index_passing_over_empty_parts()
    {
        var starts = new PartStarts([0, 3, 0, 0, 2, 0]);

        Assert.Equal(5, starts.Count);
        Assert.Equal([1, 1, 1, 4, 4], Enumerable.Range(0, 5).Select(starts.PartOf));
        Assert.Equal(3, starts.StartOf(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => starts.PartOf(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => starts.PartOf(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartStarts([]).PartOf(0));
    }
}
