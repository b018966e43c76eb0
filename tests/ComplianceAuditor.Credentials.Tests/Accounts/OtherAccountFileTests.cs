using ComplianceAuditor.Credentials.Accounts;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Accounts;

public sealed class OtherAccountFileTests
{
    [Fact]
    public void Group_members_are_split_on_commas()
    {
        var file = GroupFile.Parse("root:x:0:\nwheel:x:10:root,admin\nbad:x:ten:\n");
        Assert.Equal(["root", "admin"], file.Entries[1].Members);
        Assert.Empty(file.Entries[0].Members);
        Assert.Equal(10u, file.Entries[1].Gid);
        Assert.Contains("gid 'ten'", Assert.Single(file.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Htpasswd_user_ends_at_the_first_colon()
    {
        var file = HtpasswdFile.Parse("admin:$apr1$xxxxxxxx$dxHfLAsjHkDRmG83UXe8K0\nplain:pass:word\nnocolon\n:empty\n");
        Assert.Equal(2, file.Entries.Count);
        Assert.Equal(HashScheme.AprMd5, file.Entries[0].Hash.Scheme);
        Assert.Equal(new UserPasswordEntry("plain", "pass:word", HashContext.Htpasswd, 2), file.Entries[1]);
        Assert.Equal(HashScheme.Plaintext, file.Entries[1].Hash.Scheme);
        Assert.Equal([3, 4], file.Problems.Select(p => p.LineNumber));
    }

    [Fact]
    public void Mosquitto_lines_are_read_as_the_broker_reads_them()
    {
        var file = MosquittoPasswordFile.Parse(
            " robots :$7$101$TdwP4Y1uJ+tFo9Bn$84rK4XGZEuBmuKJHABOT4pQOzQQPX2LIhN/m/kLG6OgxT+vS8w6vCofgzd7YonvcKXTGIwK5tFe6nAWLpCT4Ow==\n" +
            "nopassword:\nplain:secret\n");
        Assert.Equal(["robots", "plain"], file.Entries.Select(e => e.Name));
        Assert.Equal(HashScheme.MosquittoPbkdf2, file.Entries[0].Hash.Scheme);
        Assert.Equal(HashScheme.Plaintext, file.Entries[1].Hash.Scheme);
        Assert.Contains("drops", Assert.Single(file.Problems).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("/bin/sh", true)]
    [InlineData("/bin/ash", true)]
    [InlineData("/bin/bash", true)]
    [InlineData("/usr/sbin/nologin", false)]
    [InlineData("/sbin/nologin", false)]
    [InlineData("/bin/false", false)]
    [InlineData("/bin/true", false)]
    [InlineData("/bin/sync", false)]
    [InlineData("/sbin/shutdown", false)]
    [InlineData("/sbin/halt", false)]
    [InlineData("/dev/null", false)]
    [InlineData("/bin/", false)]
    public void Login_shells(string shell, bool canLogIn)
    {
        Assert.Equal(canLogIn, LoginShells.CanLogIn(shell));
    }
}
