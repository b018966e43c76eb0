using ComplianceAuditor.Update.Bundles.Swupdate;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>The bounded libconfig reader behind sw-description.</summary>
public sealed class LibconfigParserTests
{
    [Fact]
    public void Settings_groups_lists_arrays_comments_and_joined_strings_are_read()
    {
        const string Text = """
            # comment
            // another
            software = {
                version = "1." "2"; /* joined */
                flag = true;
                count = 0x10L;
                hw: [ "a", "b" ];
                images: ( { filename = "x\x41\"y"; }, { filename = "z"; } );
            };
            """;

        var root = LibconfigParser.TryParse(Text, out var problem)!;

        Assert.Null(problem);
        var software = root.Get("software")!;
        Assert.Equal("1.2", software.TextOf("version"));
        Assert.Equal("true", software.TextOf("flag"));
        Assert.Equal("0x10L", software.TextOf("count"));
        Assert.Equal(2, software.Get("hw")!.Children.Count);
        Assert.Equal("xA\"y", software.Get("images")!.Children[0].Value.TextOf("filename"));
    }

    [Theory]
    [InlineData("software = { version = \"1.0\";")]
    [InlineData("software = { version = \"1.0 }")]
    [InlineData("software = ( 1, 2")]
    [InlineData("software = { /* never closed }")]
    [InlineData("software { }")]
    [InlineData("= 3;")]
    [InlineData("a = \"\\x4\";")]
    public void Malformed_text_is_a_problem(string text)
    {
        Assert.Null(LibconfigParser.TryParse(text, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void Nesting_deeper_than_the_bound_is_refused_without_recursing_further()
    {
        var text = "a = " + new string('(', 10_000) + new string(')', 10_000) + ";";

        Assert.Null(LibconfigParser.TryParse(text, out var problem));
        Assert.Contains("deeper", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_adjacent_strings_are_joined_in_linear_time()
    {
        var text = "a = " + string.Concat(Enumerable.Repeat("\"xy\" ", 100_000)) + ";";

        var root = LibconfigParser.TryParse(text, out _)!;

        Assert.Equal(200_000, root.TextOf("a")!.Length);
    }
}
