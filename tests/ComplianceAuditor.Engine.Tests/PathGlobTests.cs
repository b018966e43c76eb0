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
}
