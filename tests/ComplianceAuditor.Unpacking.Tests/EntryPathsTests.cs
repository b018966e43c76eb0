namespace ComplianceAuditor.Unpacking.Tests;

public sealed class EntryPathsTests
{
    [Theory]
    [InlineData("./a/b", "a/b")]
    [InlineData("a//b/./c", "a/b/c")]
    [InlineData("a/b/", "a/b")]
    [InlineData("./etc/./init.d//rcS", "etc/init.d/rcS")]
    [InlineData("a\\b\\c", "a/b/c")]
    [InlineData("...", "...")]
    [InlineData("a/..b/c..", "a/..b/c..")]
    [InlineData("a!b/c!", "a!b/c!")]
    public void Relative_paths_are_normalised(string stored, string expected)
    {
        var (path, refusal) = EntryPaths.Normalize(stored);

        Assert.Equal(expected, path);
        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("/etc/x", "absolute")]
    [InlineData("//etc/x", "absolute")]
    [InlineData("\\etc\\x", "absolute")]
    [InlineData("C:x", "absolute")]
    [InlineData("c:\\windows\\x", "absolute")]
    [InlineData("a/../../x", "'..'")]
    [InlineData("..", "'..'")]
    [InlineData("../evil", "'..'")]
    [InlineData("a/b/..", "'..'")]
    [InlineData("a\\..\\..\\x", "'..'")]
    [InlineData("a/..", "'..'")]
    [InlineData("etc/pass\0wd", "NUL")]
    [InlineData("0x40000.squashfs!/usr/sbin/httpd", "'!/'")]
    [InlineData("./", "root")]
    [InlineData(".", "root")]
    [InlineData("", "root")]
    public void Unsafe_paths_are_refused_with_the_reason(string stored, string reasonWord)
    {
        var (path, refusal) = EntryPaths.Normalize(stored);

        Assert.Null(path);
        Assert.Contains(reasonWord, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_path_is_refused_and_one_at_the_limit_is_kept()
    {
        var atLimit = string.Join('/', Enumerable.Repeat(new string('a', 99), 42))[..EntryPaths.MaxPathLength];
        var tooLong = atLimit + "b";

        Assert.Equal(EntryPaths.MaxPathLength, EntryPaths.Normalize(atLimit).Path?.Length);
        var (path, refusal) = EntryPaths.Normalize(tooLong);
        Assert.Null(path);
        Assert.Contains("longer than 4096", refusal, StringComparison.Ordinal);
    }
}
