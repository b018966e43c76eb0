using ComplianceAuditor.Credentials.Crypt;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Crypt;

public sealed class OtherSchemeTests
{
    // Mosquitto vectors were made with Python's hashlib, salt bytes 1..12, as mosquitto's pw__digest() does it:
    // sha512(password + salt) for "$6$", hashlib.pbkdf2_hmac('sha512', password, salt, 101) for "$7$".
    [Theory]
    [InlineData("admin", "$6$AQIDBAUGBwgJCgsM$x1ZvT8/+TVvbyonQl8owGTBdBCJt5q0GO9DMg93AMIxrP8OoZlaNmxUYH3BCuIkb4HVbR1VqnNuMSGg5h94yPA==")]
    [InlineData("mosquitto", "$6$AQIDBAUGBwgJCgsM$sfUcWZ2dODIdmELDz//aSRq4Y3cv6ldMSyJeFfbqmvyd+NM+hy5DkghLfAEHUjol4O8c64QRORuO57kY7dgrjw==")]
    [InlineData("", "$6$AQIDBAUGBwgJCgsM$JZltvjGgT/A+TmPJxkesbUWUdeKEVSkjjz0I9KN+vFSMGTYjIbt3MFzvdYIaM4s80+tiK6LI5ZWJGcxHBQxsDg==")]
    [InlineData("admin", "$7$101$AQIDBAUGBwgJCgsM$amvFxVmuh5w0qJdv0nHDXx0KH1lJO1JGXO7eXDZPZitSzF3+HfPMA9TfBoJp48biSeKe9/eQhTwcxejHnnFHfw==")]
    [InlineData("mosquitto", "$7$101$AQIDBAUGBwgJCgsM$MwBK0fXOa1lPb8ID4vwfn448P49iDPlaKhgJAogjkUCQLnl8rBGoO0b/c9yOJ6TTQ7u5v9YJGQUPxyTBFmiMaQ==")]
    [InlineData("", "$7$101$AQIDBAUGBwgJCgsM$0nQUMj2QLzi3F9cnqUT9eQnLQacCIBA5kHUW/0QTjLk8eRHXrjwR4cbTg8AtMrLMTaEnp1lDDc5PP8FM5XBSsA==")]
    // Written by mosquitto_passwd and published in a public deployment script with its password ("robots").
    [InlineData("robots", "$7$101$TdwP4Y1uJ+tFo9Bn$84rK4XGZEuBmuKJHABOT4pQOzQQPX2LIhN/m/kLG6OgxT+vS8w6vCofgzd7YonvcKXTGIwK5tFe6nAWLpCT4Ow==")]
    public void Mosquitto_hashes(string password, string field)
    {
        var hash = PasswordHash.Parse(field, HashContext.Mosquitto);
        var pbkdf2 = field.StartsWith("$7$", StringComparison.Ordinal);
        Assert.Equal(pbkdf2 ? HashScheme.MosquittoPbkdf2 : HashScheme.MosquittoSha512, hash.Scheme);
        Assert.Equal(pbkdf2 ? 101 : null, hash.Cost);
        Assert.NotNull(hash.Weakness);
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(hash, password));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(hash, password + "1"));
    }

    [Fact]
    public void Mosquitto_compute_writes_what_it_verifies()
    {
        var salt = Enumerable.Range(1, 12).Select(i => (byte)i).ToArray();
        Assert.Equal(
            "$7$101$AQIDBAUGBwgJCgsM$amvFxVmuh5w0qJdv0nHDXx0KH1lJO1JGXO7eXDZPZitSzF3+HfPMA9TfBoJp48biSeKe9/eQhTwcxejHnnFHfw==",
            MosquittoHashes.Compute("admin", salt, 101));
    }

    [Fact]
    public void In_a_crypt_file_the_same_prefixes_mean_SHA_crypt_and_scrypt()
    {
        var field = "$6$AQIDBAUGBwgJCgsM$x1ZvT8/+TVvbyonQl8owGTBdBCJt5q0GO9DMg93AMIxrP8OoZlaNmxUYH3BCuIkb4HVbR1VqnNuMSGg5h94yPA==";
        Assert.Equal(HashScheme.Malformed, PasswordHash.Parse(field).Scheme);
        Assert.Equal(HashScheme.Scrypt, PasswordHash.Parse("$7$CU..../....abcdefgh$T0sduvKxu8wrIjSE2QDlEIQ24zoUNt7XmCAyI.79rw6").Scheme);
    }

    // {SHA} and {SSHA} made with Python's hashlib: base64(sha1(pw)), base64(sha1(pw + salt) + salt) with salt "salt".
    [Theory]
    [InlineData("password", "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", HashScheme.LdapSha)]
    [InlineData("secret", "{SSHA}gVK8WC9YyFT1gMsQHTGCgT3sSv5zYWx0", HashScheme.LdapSsha)]
    public void Ldap_sha(string password, string field, HashScheme scheme)
    {
        var hash = PasswordHash.Parse(field, HashContext.Htpasswd);
        Assert.Equal(scheme, hash.Scheme);
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(hash, password));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(hash, password.ToUpperInvariant()));
        if (scheme == HashScheme.LdapSha)
        {
            Assert.Equal(field, LdapSha.ComputeSha(password));
            Assert.Equal("unsalted SHA-1", hash.Weakness);
        }
    }

    // Made with Debian 12's libxcrypt (python3 -W ignore -c "import crypt; print(crypt.crypt(PW, '$3$'))").
    [Theory]
    [InlineData("password", "$3$$8846f7eaee8fb117ad06bdd830b7586c")]
    [InlineData("pw", "$3$$8cc19b6a8cfeac299c2871c86b38de28")]
    [InlineData("été", "$3$$08d99d1c849800a7919753af1dea415d")]
    public void Nt_hash(string password, string field)
    {
        var hash = PasswordHash.Parse(field);
        Assert.Equal(HashScheme.NtHash, hash.Scheme);
        Assert.Contains("MD4", hash.Weakness, StringComparison.Ordinal);
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(hash, password));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(hash, "Password"));
    }

    [Fact]
    public void Plain_text_and_empty_fields_compare_as_they_are()
    {
        var plain = PasswordHash.Parse("hunter2", HashContext.Htpasswd);
        Assert.Equal(HashScheme.Plaintext, plain.Scheme);
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(plain, "hunter2"));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(plain, "Hunter2"));

        var empty = PasswordHash.Parse("");
        Assert.Equal(VerifyResult.Match, CryptVerifier.Verify(empty, ""));
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(empty, "root"));
    }

    [Theory]
    [InlineData("$y$j9T$abcdefgh$UGYCVcUwcoG0k8SZZ.Uz3i0RYQNy1YmYj4I4poBPer2")]
    [InlineData("$gy$j9T$abcdefgh$.b78FaZG0c0KT.dtN8lx7dKwhgXOGF5JK6NJaZvT6F8")]
    [InlineData("$md5$abc$$kdHOzWryR1yllNTXdT6hs/")]
    [InlineData("_J9..CCCCaxLHlwiamg2")]
    [InlineData("$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")]
    public void Recognised_schemes_without_a_verifier_say_so(string field)
    {
        var hash = PasswordHash.Parse(field);
        Assert.False(hash.IsVerifiable);
        Assert.NotEqual(HashScheme.Malformed, hash.Scheme);
        Assert.NotEqual(HashScheme.Unknown, hash.Scheme);
        Assert.Equal(VerifyResult.NotVerifiable, CryptVerifier.Verify(hash, "pw"));
        Assert.Contains("not verified", CryptVerifier.WhyNotVerifiable(hash), StringComparison.Ordinal);
    }
}
