using ComplianceAuditor.Credentials.Accounts;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Accounts;

public sealed class ShadowFileTests
{
    [Fact]
    public void Reads_nine_field_and_old_two_field_lines()
    {
        var file = ShadowFile.Parse(
            "root:$1$Jl7H1VOG$Wgw2F/C.nLNTC.4pwDa4H1:18145:0:99999:7:::\nold:$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0\nneg:!:-1::::::\n");

        Assert.Empty(file.Problems);
        Assert.Equal(
            new ShadowEntry("root", "$1$Jl7H1VOG$Wgw2F/C.nLNTC.4pwDa4H1", 18145, 0, 99999, 7, null, null, 1),
            file.Entries[0]);
        Assert.Equal(HashScheme.Md5Crypt, file.Entries[0].Hash.Scheme);
        Assert.Equal(new ShadowEntry("old", "$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0", null, null, null, null, null, null, 2), file.Entries[1]);
        Assert.Equal(-1, file.Entries[2].LastChange);
        Assert.Equal(HashScheme.Locked, file.Entries[2].Hash.Scheme);
    }

    [Theory]
    [InlineData("root:x:1:2", "4 fields, 9 (or 2) expected")]
    [InlineData("root:x:day:0:99999:7:::", "last change 'day' is not a number")]
    [InlineData("root:x:1:0:99999:7:::z", "reserved field")]
    public void Malformed_lines_are_problems(string line, string reason)
    {
        var file = ShadowFile.Parse(line);
        Assert.Empty(file.Entries);
        Assert.Contains(reason, Assert.Single(file.Problems).Reason, StringComparison.Ordinal);
    }
}
