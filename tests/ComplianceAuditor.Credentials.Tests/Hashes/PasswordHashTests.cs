using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Hashes;

public sealed class PasswordHashTests
{
    private const string MosquittoAdminHash =
        "amvFxVmuh5w0qJdv0nHDXx0KH1lJO1JGXO7eXDZPZitSzF3+HfPMA9TfBoJp48biSeKe9/eQhTwcxejHnnFHfw==";

    [Theory]
    [InlineData("", HashScheme.Empty)]
    [InlineData("!", HashScheme.Locked)]
    [InlineData("*", HashScheme.Locked)]
    [InlineData("!!", HashScheme.Locked)]
    [InlineData("*LK*", HashScheme.Locked)]
    [InlineData("x", HashScheme.Shadowed)]
    [InlineData("sa3tHJ3/KuYvI", HashScheme.DesCrypt)]
    [InlineData("_J9..CCCCaxLHlwiamg2", HashScheme.BsdiDes)]
    [InlineData("$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0", HashScheme.Md5Crypt)]
    [InlineData("$apr1$xxxxxxxx$dxHfLAsjHkDRmG83UXe8K0", HashScheme.AprMd5)]
    [InlineData("$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5", HashScheme.Sha256Crypt)]
    [InlineData("$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", HashScheme.Bcrypt)]
    [InlineData("$y$j9T$abcdefgh$UGYCVcUwcoG0k8SZZ.Uz3i0RYQNy1YmYj4I4poBPer2", HashScheme.Yescrypt)]
    [InlineData("$gy$j9T$abcdefgh$.b78FaZG0c0KT.dtN8lx7dKwhgXOGF5JK6NJaZvT6F8", HashScheme.GostYescrypt)]
    [InlineData("$7$CU..../....abcdefgh$T0sduvKxu8wrIjSE2QDlEIQ24zoUNt7XmCAyI.79rw6", HashScheme.Scrypt)]
    [InlineData("$md5,rounds=1000$abc$$kdHOzWryR1yllNTXdT6hs/", HashScheme.SunMd5)]
    [InlineData("$3$$8846f7eaee8fb117ad06bdd830b7586c", HashScheme.NtHash)]
    [InlineData("$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g", HashScheme.Argon2)]
    [InlineData("{SSHA}gVK8WC9YyFT1gMsQHTGCgT3sSv5zYWx0", HashScheme.LdapSsha)]
    [InlineData("{CRYPT}$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0", HashScheme.Md5Crypt)]
    [InlineData("$9$whatever$", HashScheme.Unknown)]
    [InlineData("hunter2", HashScheme.Unknown)]
    public void Crypt_fields_are_classified_by_their_text(string field, HashScheme scheme)
    {
        var hash = PasswordHash.Parse(field);
        Assert.Equal(scheme, hash.Scheme);
        Assert.Equal(field, hash.Text);
        Assert.Equal(HashContext.Crypt, hash.Context);
    }

    [Fact]
    public void A_locked_field_keeps_the_hash_behind_the_lock()
    {
        var hash = PasswordHash.Parse("!$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1");
        Assert.Equal(HashScheme.Locked, hash.Scheme);
        Assert.False(hash.IsVerifiable);
        Assert.Equal(HashScheme.Sha512Crypt, hash.LockedHash?.Scheme);
        Assert.Equal(5000, hash.Cost);
        Assert.Equal(HashScheme.Md5Crypt, PasswordHash.Parse("*LOCKED*$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0").LockedHash?.Scheme);
        Assert.Null(PasswordHash.Parse("!!").LockedHash);
        Assert.Null(PasswordHash.Parse("!not a hash").LockedHash);
    }

    [Theory]
    [InlineData("sa3tHJ3/KuYvI", "8 characters")]
    [InlineData("$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0", "broken")]
    [InlineData("$3$$8846f7eaee8fb117ad06bdd830b7586c", "MD4")]
    [InlineData("", "empty")]
    public void Weak_schemes_say_why(string field, string reason)
    {
        Assert.Contains(reason, PasswordHash.Parse(field).Weakness, StringComparison.Ordinal);
    }

    [Fact]
    public void Strong_schemes_carry_no_weakness_and_report_their_cost()
    {
        var sha = PasswordHash.Parse("$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0");
        Assert.Null(sha.Weakness);
        Assert.Equal(77777, sha.Cost);
        Assert.Equal(5, PasswordHash.Parse("$2b$05$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9q").Cost);
        Assert.Equal(725, PasswordHash.Parse("_J9..CCCCaxLHlwiamg2").Cost);
        Assert.Equal(3, PasswordHash.Parse("$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g").Cost);
    }

    [Theory]
    [InlineData("hunter2", HashScheme.Plaintext)]
    [InlineData("!", HashScheme.Plaintext)]
    [InlineData("$9$not-a-scheme", HashScheme.Plaintext)]
    [InlineData("_J9..CCCC", HashScheme.Plaintext)]
    [InlineData("$apr1$xxxxxxxx$dxHfLAsjHkDRmG83UXe8K0", HashScheme.AprMd5)]
    [InlineData("$apr1$xxxxxxxx$dxHfLAsjHkDRmG83UXe8", HashScheme.Malformed)]
    [InlineData("{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", HashScheme.LdapSha)]
    [InlineData("$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", HashScheme.Bcrypt)]
    [InlineData("sa3tHJ3/KuYvI", HashScheme.DesCrypt)]
    public void Htpasswd_fields_that_no_scheme_claims_are_plain_text(string field, HashScheme scheme)
    {
        var hash = PasswordHash.Parse(field, HashContext.Htpasswd);
        Assert.Equal(scheme, hash.Scheme);
        if (scheme == HashScheme.Plaintext)
        {
            Assert.True(hash.IsVerifiable);
            Assert.Equal("stored in plain text", hash.Weakness);
        }
    }

    [Theory]
    [InlineData("plainpassword", HashScheme.Plaintext)]
    [InlineData("$6$AQIDBAUGBwgJCgsM$short", HashScheme.Malformed)]
    [InlineData("$7$0$AQIDBAUGBwgJCgsM$" + MosquittoAdminHash, HashScheme.Malformed)]
    [InlineData("$7$101$AQIDBAUGBwgJ$" + MosquittoAdminHash, HashScheme.Malformed)]
    [InlineData("$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5", HashScheme.Plaintext)]
    public void Mosquitto_fields(string field, HashScheme scheme)
    {
        Assert.Equal(scheme, PasswordHash.Parse(field, HashContext.Mosquitto).Scheme);
    }

    [Theory]
    [InlineData("$1$deadbeef$0Huu6KHrKLVWfqa4WljDE", "22 expected")]
    [InlineData("$1$deadbeef", "no '$' after the salt")]
    [InlineData("$1$deadbeef9$0Huu6KHrKLVWfqa4WljDE0", "at most 8")]
    [InlineData("$1$dead:eef$0Huu6KHrKLVWfqa4WljDE0", "':'")]
    [InlineData("$6$sa\u0001t$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "U+0001")]
    [InlineData("$5$rounds=$salt$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5", "'rounds='")]
    [InlineData("$5$rounds=12x$salt$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5", "'rounds='")]
    [InlineData("$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc!", "'!'")]
    [InlineData("$2b$05$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9", "60 expected")]
    [InlineData("$2b$5$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9q", "two-digit cost")]
    [InlineData("$2b$05$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9!", "'!'")]
    [InlineData("$3$$8846F7EAEE8FB117AD06BDD830B7586C", "lower-case hex")]
    [InlineData("_J9..CCCC", "20 characters")]
    [InlineData("{SHA}bm90IDIwIGJ5dGVz", "20-byte")]
    public void Malformed_fields_name_their_defect(string field, string reason)
    {
        var hash = PasswordHash.Parse(field);
        Assert.Equal(HashScheme.Malformed, hash.Scheme);
        Assert.False(hash.IsVerifiable);
        Assert.Contains(reason, hash.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Salt_characters_that_musl_accepts_are_read()
    {
        // libxcrypt refuses '*' in a salt; musl and uClibc hash it, and firmware often runs those.
        var hash = PasswordHash.Parse("$1$ab*d$0Huu6KHrKLVWfqa4WljDE0");
        Assert.Equal(HashScheme.Md5Crypt, hash.Scheme);
    }
}
