using ComplianceAuditor.Inventory;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>
/// Virtual paths of extracted entries stay unique across containers while only names holding the <c>!/</c>
/// separator are remembered for the whole target.
/// </summary>
public sealed class ExtractedPathsTests
{
    [Fact]
    public void A_name_holding_the_separator_cannot_take_the_path_of_a_nested_entry()
    {
        var paths = new ExtractedPaths(["fw/plain", "fw/a!/b"]);
        var outer = paths.In("fw/c");

        Assert.Equal("fw/c!/x!/y", outer.Unique("x!/y"));
        Assert.Equal("fw/c!/x", outer.Unique("x"));
        Assert.Equal("fw/c!/x#2", outer.Unique("x"));

        // "x" is itself a container holding "y": its path was taken by the entry named "x!/y" above.
        Assert.Equal("fw/c!/x!/y#2", paths.In("fw/c!/x").Unique("y"));

        // A file of the target whose folder name ends in "!" counts as taken too.
        Assert.Equal("fw/a!/b#2", paths.In("fw/a").Unique("b"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sibling_containers_whose_paths_overlap_get_distinct_entry_paths(bool oddNameFirst)
    {
        // Container C holds an archive named "x!/y" holding "z", and an archive "x" holding "y!/z", in either order.
        var paths = new ExtractedPaths(["fw/C"]);
        var c = paths.In("fw/C");
        var found = new List<string>();
        if (oddNameFirst)
        {
            Assert.Equal("fw/C!/x!/y", c.Unique("x!/y"));
            Assert.Equal("fw/C!/x", c.Unique("x"));
            found.Add(paths.In("fw/C!/x!/y").Unique("z"));
            found.Add(paths.In("fw/C!/x").Unique("y!/z"));
        }
        else
        {
            Assert.Equal("fw/C!/x", c.Unique("x"));
            Assert.Equal("fw/C!/x!/y", c.Unique("x!/y"));
            found.Add(paths.In("fw/C!/x").Unique("y!/z"));
            found.Add(paths.In("fw/C!/x!/y").Unique("z"));
        }

        Assert.Equal(["fw/C!/x!/y!/z", "fw/C!/x!/y!/z#2"], found);
    }

    [Fact]
    public void Ordinary_names_are_not_remembered_for_the_whole_target()
    {
        var paths = new ExtractedPaths(Enumerable.Range(0, 1000).Select(i => $"fw/file{i}"));
        for (var c = 0; c < 100; c++)
        {
            var container = paths.In($"fw/file{c}");
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal($"fw/file{c}!/entry{i}", container.Unique($"entry{i}"));
            }
        }

        Assert.Equal(0, paths.Kept);
    }
}
