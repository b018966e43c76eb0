using ComplianceAuditor.Credentials.Crypt;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Crypt;

public sealed class ShaCryptTests
{
    private const string LongText = "a very much longer text to encrypt.  This one even stretches over morethan one line.";
    private const string ShortSaltText = "we have a short salt string but not a short password";
    private const string RoundsText = "the minimum number is still observed";

    /// <summary>The test vectors of Ulrich Drepper's "Unix crypt using SHA-256 and SHA-512" specification.</summary>
    public static TheoryData<string, string, string> SpecificationVectors() => new()
    {
        { "Hello world!", "$5$saltstring", "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5" },
        { "Hello world!", "$5$rounds=10000$saltstringsaltstring", "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA" },
        { "This is just a test", "$5$rounds=5000$toolongsaltstring", "$5$rounds=5000$toolongsaltstrin$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5" },
        { LongText, "$5$rounds=1400$anotherlongsaltstring", "$5$rounds=1400$anotherlongsalts$Rx.j8H.h8HjEDGomFU8bDkXm3XIUnzyxf12oP84Bnq1" },
        { ShortSaltText, "$5$rounds=77777$short", "$5$rounds=77777$short$JiO1O3ZpDAxGJeaDIuqCoEFysAe1mZNJRs3pw0KQRd/" },
        { "a short string", "$5$rounds=123456$asaltof16chars..", "$5$rounds=123456$asaltof16chars..$gP3VQ/6X7UUEW3HkBn2w1/Ptq2jxPyzV/cZKmF/wJvD" },
        { RoundsText, "$5$rounds=10$roundstoolow", "$5$rounds=1000$roundstoolow$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC" },
        {
            "Hello world!", "$6$saltstring",
            "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"
        },
        {
            "Hello world!", "$6$rounds=10000$saltstringsaltstring",
            "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v."
        },
        {
            "This is just a test", "$6$rounds=5000$toolongsaltstring",
            "$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0"
        },
        {
            LongText, "$6$rounds=1400$anotherlongsaltstring",
            "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1"
        },
        {
            ShortSaltText, "$6$rounds=77777$short",
            "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0"
        },
        {
            "a short string", "$6$rounds=123456$asaltof16chars..",
            "$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu.Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1"
        },
        {
            RoundsText, "$6$rounds=10$roundstoolow",
            "$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX."
        },
    };

    [Theory]
    [MemberData(nameof(SpecificationVectors))]
    public void Specification_vectors(string password, string setting, string expected)
    {
        Assert.Equal(expected, ShaCrypt.Compute(password, setting));
        var hash = PasswordHash.Parse(expected);
        Assert.Equal(expected.StartsWith("$5$", StringComparison.Ordinal) ? HashScheme.Sha256Crypt : HashScheme.Sha512Crypt, hash.Scheme);
        var limits = new CostLimits { MaxShaCryptRounds = ShaCrypt.MaxRounds };
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(hash, password, limits));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(hash, password + ".", limits));
    }

    public static TheoryData<string, string> LibxcryptVectors() => new()
    {
        // Made with Debian 12's libxcrypt (python3 -W ignore -c "import crypt; print(crypt.crypt(PW, SETTING))").
        { "pw", "$6$rounds=5000$salt$AkOOBO38SQQ8T8Q46KuCONe.8zg41nvCDKDq7pVQd2n2hy8sf8aR3G89VY.57up0eSIa/69odCCcLT4hx7FpW/" },
        { "pw", "$6$salt$AkOOBO38SQQ8T8Q46KuCONe.8zg41nvCDKDq7pVQd2n2hy8sf8aR3G89VY.57up0eSIa/69odCCcLT4hx7FpW/" },
        { "pw", "$6$$Z7WSO9A8tKGD2oGB9t2ViKdYTIHgnjMZIbdOJElGnO.QoZE5zDsfnF1WHM.IL2KPxhNG4/v/zU9LBcGhxg5Uy." },
        {
            "pw", "$6$abcdefghijklmnop$GRSTFj3H0pZ9BY1uhdqITG.qORbXkTk40qgaa1roNICfs/axSgdNnbKEYghuyLnrmnFXvSE09GdxJbCDOnxdc1"
        },
    };

    [Theory]
    [MemberData(nameof(LibxcryptVectors))]
    public void Libxcrypt_vectors(string password, string expected)
    {
        Assert.Equal(expected, ShaCrypt.Compute(password, expected));
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(PasswordHash.Parse(expected), password));
    }

    [Fact]
    public void The_default_is_5000_rounds_and_written_rounds_are_the_cost()
    {
        Assert.Equal(5000, PasswordHash.Parse(LibxcryptVectors().First()[1] as string).Cost);
        Assert.Equal(77777, PasswordHash.Parse("$5$rounds=77777$short$JiO1O3ZpDAxGJeaDIuqCoEFysAe1mZNJRs3pw0KQRd/").Cost);
    }
}
