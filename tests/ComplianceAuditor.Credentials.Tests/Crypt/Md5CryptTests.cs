using ComplianceAuditor.Credentials.Crypt;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Crypt;

public sealed class Md5CryptTests
{
    public static TheoryData<string, string> Vectors() => new()
    {
        // glibc crypt/md5c-test.c.
        { "Hello world!", "$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1" },
        // FreeBSD lib/libcrypt/tests/crypt_tests.c.
        { "0.s0.l33t", "$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0" },
        // OpenSSL test/recipes/20-test_passwd.t (openssl passwd -1 and -apr1 with salt xxxxxxxx).
        { "password", "$1$xxxxxxxx$UYCIxa628.9qXjpQCjM4a." },
        { "password", "$apr1$xxxxxxxx$dxHfLAsjHkDRmG83UXe8K0" },
        // Made with Debian 12's libxcrypt (python3 -W ignore -c "import crypt; print(crypt.crypt(PW, SETTING))").
        { "test", "$1$12345678$oEitTZYQtRHfNGmsFvTBA/" },
        { "pw", "$1$$F0Fc2lbYpzr3KKdKkM0Wj." },
        { "pw", "$1$abcdefgh$IQtUouv7y7Q9dRWkQEPCc." },
        // Made with OpenSSL 3.0 (openssl passwd -apr1 -salt SALT PW); libxcrypt has no apr1.
        { "", "$apr1$$J/S5FGXXjRRxbhIznTb/E1" },
        { "The quick brown fox", "$apr1$abcdefgh$VoP8OYM3sJUXHXCApii4l0" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Known_answers(string password, string expected)
    {
        var apache = expected.StartsWith("$apr1$", StringComparison.Ordinal);
        var magic = apache ? Md5Crypt.ApacheMagic : Md5Crypt.CryptMagic;
        var salt = expected[magic.Length..expected.LastIndexOf('$')];
        Assert.Equal(expected, Md5Crypt.Compute(password, salt, magic));

        var hash = PasswordHash.Parse(expected, apache ? HashContext.Htpasswd : HashContext.Crypt);
        Assert.Equal(apache ? HashScheme.AprMd5 : HashScheme.Md5Crypt, hash.Scheme);
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(hash, password));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(hash, password + "!"));
    }

    [Fact]
    public void The_salt_is_cut_at_eight_characters_as_crypt_does()
    {
        // glibc's own test passes "$1$saltstring" and gets "saltstri" back.
        Assert.Equal("$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1", Md5Crypt.Compute("Hello world!", "saltstring"));
    }

    [Fact]
    public void The_magic_is_part_of_the_hash()
    {
        Assert.NotEqual(Md5Crypt.Compute("password", "xxxxxxxx")[3..], Md5Crypt.Compute("password", "xxxxxxxx", Md5Crypt.ApacheMagic)[6..]);
    }
}
