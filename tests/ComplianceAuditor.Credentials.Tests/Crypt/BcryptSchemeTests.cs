using ComplianceAuditor.Credentials.Crypt;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Crypt;

public sealed class BcryptSchemeTests
{
    public static TheoryData<string, string> Vectors() => new()
    {
        // Openwall crypt_blowfish, wrapper.c test table.
        { "U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
        { "U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK" },
        { "U*U*U", "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a" },
        { "", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy" },
        {
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored",
            "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui"
        },
        // Made with Debian 12's libxcrypt (python3 -W ignore -c "import crypt; print(crypt.crypt('pw', SETTING))").
        { "pw", "$2b$05$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9q" },
        // 2y is crypt_blowfish's name for the corrected algorithm: the same output as 2b for these inputs.
        { "U*U", "$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
        { "U*U", "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Known_answers(string password, string field)
    {
        var hash = PasswordHash.Parse(field);
        Assert.Equal(HashScheme.Bcrypt, hash.Scheme);
        Assert.Equal(5, hash.Cost);
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(hash, password));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(hash, "?" + password));
    }

    [Fact]
    public void Only_72_bytes_of_the_password_count()
    {
        var hash = PasswordHash.Parse("$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui");
        const string first72 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(hash, first72 + "anything"));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(hash, first72[..71]));
    }

    [Fact]
    public void Version_2x_is_recognised_but_BouncyCastle_cannot_verify_it()
    {
        // libxcrypt computes $2x$05$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9q for "pw" (ASCII, so the
        // old sign-extension bug changes nothing); BouncyCastle 2.7 accepts only 2a, 2b and 2y.
        var hash = PasswordHash.Parse("$2x$05$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9q");
        Assert.Equal(HashScheme.Bcrypt, hash.Scheme);
        Assert.False(hash.IsVerifiable);
        Assert.Contains("2x", hash.Reason, StringComparison.Ordinal);
        Assert.Equal(VerifyResult.NotVerifiable, CryptVerifier.Verify(hash, "pw"));
    }

    [Fact]
    public void A_cost_over_the_limit_is_not_computed()
    {
        var hash = PasswordHash.Parse("$2b$05$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9q");
        var limits = new CostLimits { MaxBcryptCost = 4 };
        Assert.Equal(VerifyResult.NotVerifiable, CryptVerifier.Verify(hash, "pw", limits));
        Assert.Contains("cost 5", CryptVerifier.WhyNotVerifiable(hash, limits), StringComparison.Ordinal);
    }
}
