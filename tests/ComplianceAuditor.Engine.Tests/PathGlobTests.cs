using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Engine.Tests;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("etc/shadow", "etc/shadow", true)]
    [InlineData("shadow", "etc/shadow", true)]
    [InlineData("shadow", "etc/shadow-", false)]
    [InlineData("etc/*.conf", "etc/a.conf", true)]
    [InlineData("etc/*.conf", "etc/sub/a.conf", false)]
    [InlineData("etc/**/*.conf", "etc/a.conf", true)]
    [InlineData("etc/**/*.conf", "etc/x/y/a.conf", true)]
    [InlineData("etc/init.d/*", "etc/init.d/S50telnet", true)]
    [InlineData("etc/{inittab,inetd.conf}", "etc/inetd.conf", true)]
    [InlineData("etc/{inittab,inetd.conf}", "etc/fstab", false)]
    [InlineData("S??telnet", "etc/init.d/S50telnet", true)]
    [InlineData("/etc/passwd", "etc/passwd", true)]
    [InlineData("/SECURITY.md", "SECURITY.md", true)]
    [InlineData("/SECURITY.md", "docs/SECURITY.md", false)]
    [InlineData("SECURITY.md", "docs/SECURITY.md", true)]
    [InlineData("etc/pass.wd", "etc/passXwd", false)]
    [InlineData("etc/a**b", "etc/axxb", true)]
    [InlineData("etc/a**b", "etc/a/x/b", false)]
    [InlineData("etc/**", "etc/x/y/z", true)]
    [InlineData("./etc/shadow", "etc/shadow", true)]
    [InlineData("./etc/shadow", "x/etc/shadow", false)]

    // The literal pre-filter must not demand what "**/" or a brace group may leave out.
    [InlineData("shadow", "shadow", true)]
    [InlineData("**/shadow", "shadow", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("lib/**/libc.so", "lib/libc.so", true)]
    [InlineData("etc/{a,b}c.conf", "etc/bc.conf", true)]
    [InlineData("etc/{a,b}c.conf", "etc/c.conf", false)]
    [InlineData("etc/x}y", "etc/x}y", true)]
    public void Glob_matches_as_documented(string glob, string path, bool expected)
    {
        Assert.Equal(expected, new PathGlob(glob).IsMatch(path));
    }

    [Fact]
    public void Unbalanced_braces_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new PathGlob("etc/{a,b"));
    }

    /// <summary>
    /// The automaton against the regular expressions globs were translated to before it (kept here as the reference),
    /// on random globs and paths built from the characters that matter. Paths hold no line feed: there the regex
    /// engine's '.' and '$' have quirks the glob never meant.
    /// </summary>
    [Fact]
    public void The_automaton_agrees_with_the_reference_regex_translation()
    {
        var random = new Random(20261124);
        string[] globParts = ["a", "b", "/", "*", "**", "?", "{", "}", ",", ".", "**/", "/**"];
        var pathChars = "ab/.-";
        var compared = 0;
        for (var g = 0; g < 3000; g++)
        {
            var glob = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => globParts[random.Next(globParts.Length)]));
            PathGlob automaton;
            System.Text.RegularExpressions.Regex reference;
            try
            {
                automaton = new PathGlob(glob);
                reference = Reference(glob);
            }
            catch (ArgumentException)
            {
                Assert.Throws<ArgumentException>(() => Reference(glob));
                continue;
            }

            for (var p = 0; p < 20; p++)
            {
                var path = new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => pathChars[random.Next(pathChars.Length)]).ToArray());
                Assert.True(reference.IsMatch(path) == automaton.IsMatch(path), $"glob '{glob}' on '{path}': the reference says {reference.IsMatch(path)}");
                compared++;
            }
        }

        Assert.True(compared > 30000, $"only {compared} comparisons");
    }

    [Fact]
    public void Braces_nested_too_deep_are_refused_not_followed()
    {
        Assert.NotNull(new PathGlob(new string('{', 16) + "a" + new string('}', 16)));
        Assert.Throws<ArgumentException>(() => new PathGlob(new string('{', 10_000) + "a" + new string('}', 10_000)));
    }

    [Fact]
    public void Matching_a_long_hostile_path_takes_one_pass()
    {
        // Many '**' over a long path of near misses: exponential for a backtracking matcher, linear here.
        var glob = new PathGlob("**/a*a*a*a*a*a*a*a*/**/a*a*a*a*b");
        var path = string.Join('/', Enumerable.Repeat(new string('a', 200), 20));

        Assert.False(glob.IsMatch(path));
        Assert.True(glob.IsMatch(path + "/aaaab"));
    }

    /// <summary>The translation PathGlob used before its automaton, as the reference for what a glob means.</summary>
    private static System.Text.RegularExpressions.Regex Reference(string pattern)
    {
        var trimmed = pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[1..] : pattern;
        var glob = trimmed.TrimStart('/');
        if (!trimmed.StartsWith('/') && !glob.Contains('/', StringComparison.Ordinal))
        {
            glob = "**/" + glob;
        }

        var sb = new System.Text.StringBuilder("^");
        var depth = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*' && (i == 0 || glob[i - 1] == '/'))
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:[^/]*/)*" : i + 2 == glob.Length ? ".*" : "[^/]*");
                i += slash ? 2 : 1;
                continue;
            }

            sb.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                '{' => "(?:",
                '}' when depth > 0 => ")",
                ',' when depth > 0 => "|",
                _ => System.Text.RegularExpressions.Regex.Escape(c.ToString()),
            });
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                i++;
            }

            depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
        }

        if (depth != 0)
        {
            throw new ArgumentException("unbalanced braces");
        }

        return new System.Text.RegularExpressions.Regex(sb.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.NonBacktracking);
    }
}
