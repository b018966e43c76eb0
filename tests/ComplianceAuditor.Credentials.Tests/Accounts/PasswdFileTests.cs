using ComplianceAuditor.Credentials.Accounts;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Accounts;

public sealed class PasswdFileTests
{
    [Fact]
    public void Reads_entries_with_their_line_numbers()
    {
        var file = PasswdFile.Parse(
            "# users\n\nroot:x:0:0:root:/root:/bin/ash\r\ndaemon:*:1:1:daemon:/var:/bin/false\nadmin::1000:1000:Admin,,,:/home/admin:\n");

        Assert.Empty(file.Problems);
        Assert.Equal(3, file.Entries.Count);
        Assert.Equal(new PasswdEntry("root", "x", 0, 0, "root", "/root", "/bin/ash", 3), file.Entries[0]);
        Assert.Equal(HashScheme.Shadowed, file.Entries[0].Hash.Scheme);
        Assert.True(file.Entries[0].CanLogIn);
        Assert.False(file.Entries[1].CanLogIn);
        Assert.Equal(HashScheme.Empty, file.Entries[2].Hash.Scheme);
        Assert.True(file.Entries[2].CanLogIn);
        Assert.Equal(5, file.Entries[2].LineNumber);
    }

    [Theory]
    [InlineData("root:x:0:0:root:/root", "6 fields, 7 expected")]
    [InlineData("root:x:0:0:root:/root:/bin/sh:extra", "8 fields, 7 expected")]
    [InlineData("root:x:zero:0:root:/root:/bin/sh", "uid 'zero' is not a number")]
    [InlineData("root:x:-1:0:root:/root:/bin/sh", "uid '-1' is not a number")]
    [InlineData("root:x:0:99999999999:root:/root:/bin/sh", "gid")]
    [InlineData(":x:0:0:root:/root:/bin/sh", "empty user name")]
    [InlineData("ro\0ot:x:0:0:root:/root:/bin/sh", "binary data: U+0000 at column 3")]
    public void Malformed_lines_are_problems_not_entries(string line, string reason)
    {
        var file = PasswdFile.Parse("ok:x:1:1::/:/bin/sh\n" + line + "\n");
        Assert.Single(file.Entries);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(2, problem.LineNumber);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }
}
