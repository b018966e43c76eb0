using ComplianceAuditor.Credentials.Crypt;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Crypt;

public sealed class DesCryptTests
{
    [Theory]
    // FIPS 81 (DES modes of operation), ECB example: "Now is t" under 0123456789ABCDEF.
    [InlineData(0x0123456789ABCDEFUL, 0x4E6F772069732074UL, 0x3FA40E8A984D4815UL)]
    // The worked example in J. Orlin Grabbe's "The DES Algorithm Illustrated".
    [InlineData(0x133457799BBCDFF1UL, 0x0123456789ABCDEFUL, 0x85E813540F0AB405UL)]
    public void The_cipher_matches_published_DES_examples(ulong key, ulong plain, ulong cipher)
    {
        Assert.Equal(cipher, DesCipher.Encrypt(key, plain));
    }

    public static TheoryData<string, string> Vectors() => new()
    {
        // Openwall crypt_blowfish, wrapper.c test table (traditional DES entries).
        { "U*U*U*U*", "CCNf8Sbh3HDfQ" },
        { "U*U***U", "CCX.K.MFy4Ois" },
        { "U*U***U*", "CC4rMpbg9AMZ." },
        { "*U*U*U*U", "XXxzOu6maQKqQ" },
        { "", "SDbsugeBiC58A" },
        // The classic example of Perl's crypt("password", "salt").
        { "password", "sa3tHJ3/KuYvI" },
        // Made with Debian 12's libxcrypt: python3 -W ignore -c "import crypt; print(crypt.crypt(PW, 'ab'))".
        { "abcdefgh", "abYH7TYgEKz2Q" },
        { "abcdefghij", "abYH7TYgEKz2Q" },
        { "", "abmF1QH4PEr.E" },
        { "été", "ab5ad2Q7liuxQ" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Known_answers(string password, string expected)
    {
        Assert.Equal(expected, DesCrypt.Compute(password, expected[0], expected[1]));
        var hash = PasswordHash.Parse(expected);
        Assert.Equal(HashScheme.DesCrypt, hash.Scheme);
        Assert.True(DesCrypt.Verify(hash, password));
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(hash, password));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(hash, "not " + password));
    }

    [Fact]
    public void Only_the_first_eight_characters_count()
    {
        var hash = PasswordHash.Parse(DesCrypt.Compute("12345678", 'x', 'y'));
        Assert.True(DesCrypt.Verify(hash, "12345678 and anything after"));
        Assert.False(DesCrypt.Verify(hash, "1234567"));
        Assert.Contains("8 characters", hash.Weakness, StringComparison.Ordinal);
    }
}
