using System.Text;
using ComplianceAuditor.Credentials.Accounts;
using ComplianceAuditor.Credentials.Cracking;
using ComplianceAuditor.Credentials.Crypt;
using ComplianceAuditor.Credentials.Dictionary;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests;

/// <summary>
/// Firmware comes from vendors we do not trust: every reader must return a typed result for any input, and no input
/// may make the work unbounded. Outcomes are asserted rather than times.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string[] ValidFields =
    [
        "sa3tHJ3/KuYvI",
        "_J9..CCCCaxLHlwiamg2",
        "$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0",
        "$apr1$xxxxxxxx$dxHfLAsjHkDRmG83UXe8K0",
        "$5$rounds=1400$anotherlongsalts$Rx.j8H.h8HjEDGomFU8bDkXm3XIUnzyxf12oP84Bnq1",
        "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
        "$2b$05$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9q",
        "$y$j9T$abcdefgh$UGYCVcUwcoG0k8SZZ.Uz3i0RYQNy1YmYj4I4poBPer2",
        "$3$$8846f7eaee8fb117ad06bdd830b7586c",
        "$md5,rounds=1000$abc$$kdHOzWryR1yllNTXdT6hs/",
        "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "{SSHA}gVK8WC9YyFT1gMsQHTGCgT3sSv5zYWx0",
        "!$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0",
        "$7$101$AQIDBAUGBwgJCgsM$amvFxVmuh5w0qJdv0nHDXx0KH1lJO1JGXO7eXDZPZitSzF3+HfPMA9TfBoJp48biSeKe9/eQhTwcxejHnnFHfw==",
    ];

    public static TheoryData<HashContext> Contexts() => [HashContext.Crypt, HashContext.Htpasswd, HashContext.Mosquitto];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Truncated_and_damaged_hashes_give_typed_results(HashContext context)
    {
        var random = new Random(2016);
        var limits = new CostLimits { MaxShaCryptRounds = 5000, MaxBcryptCost = 5, MaxPbkdf2Iterations = 1000 };
        foreach (var valid in ValidFields)
        {
            for (var length = 0; length <= valid.Length; length++)
            {
                Check(valid[..length]);
            }

            for (var round = 0; round < 40; round++)
            {
                var chars = valid.ToCharArray();
                chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
                Check(new string(chars));
            }
        }

        void Check(string field)
        {
            var hash = PasswordHash.Parse(field, context);
            Assert.Equal(field, hash.Text);
            if (hash.Scheme is HashScheme.Malformed or HashScheme.Unknown)
            {
                Assert.False(string.IsNullOrEmpty(hash.Reason));
                Assert.False(hash.IsVerifiable);
            }

            var result = CryptVerifier.Verify(hash, "password", limits);
            Assert.True(hash.IsVerifiable || result == VerifyResult.NotVerifiable);
        }
    }

    [Fact]
    public void Random_garbage_fields_give_typed_results()
    {
        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var i = 0; i < chars.Length; i++)
            {
                // Mostly the characters hash syntax is made of, so that parsers get deep before failing.
                chars[i] = random.Next(4) == 0 ? (char)random.Next(0, 0xFFFF) : "$./0123456789abcxyzABC{}=,!*_rounds"[random.Next(35)];
            }

            foreach (var context in new[] { HashContext.Crypt, HashContext.Htpasswd, HashContext.Mosquitto })
            {
                var hash = PasswordHash.Parse(new string(chars), context);
                _ = CryptVerifier.Verify(hash, "admin", new CostLimits { MaxShaCryptRounds = 1000, MaxBcryptCost = 4, MaxPbkdf2Iterations = 100 });
            }
        }
    }

    [Fact]
    public void Absurd_SHA_crypt_rounds_are_clamped_and_refused_by_the_budget()
    {
        var hash = PasswordHash.Parse("$6$rounds=99999999999999$salt$" + new string('A', 86));
        Assert.Equal(HashScheme.Sha512Crypt, hash.Scheme);
        Assert.Equal(999_999_999, hash.Cost);
        Assert.Contains("99999999999999", hash.Reason, StringComparison.Ordinal);

        var huge = PasswordHash.Parse("$5$rounds=" + new string('9', 500) + "$salt$" + new string('A', 43));
        Assert.Equal(999_999_999, huge.Cost);

        var outcome = Assert.Single(new HashCracker().Crack([new CrackTarget("root", hash)], DefaultCredentials.BuiltIn));
        Assert.Equal(CrackStatus.NotVerified, outcome.Status);
        Assert.Contains("999999999 rounds", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, outcome.Tried);
        Assert.Equal(VerifyResult.NotVerifiable, CryptVerifier.Verify(hash, "admin"));
    }

    [Fact]
    public void Bcrypt_cost_99_is_malformed_and_named()
    {
        var hash = PasswordHash.Parse("$2b$99$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9q");
        Assert.Equal(HashScheme.Malformed, hash.Scheme);
        Assert.Equal(99, hash.Cost);

        var outcome = Assert.Single(new HashCracker().Crack([new CrackTarget("root", hash)], DefaultCredentials.BuiltIn));
        Assert.Equal(CrackStatus.NotVerified, outcome.Status);
        Assert.Contains("bcrypt cost 99", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_megabyte_field_is_refused_by_length()
    {
        var hash = PasswordHash.Parse("$6$" + new string('a', 1 << 20));
        Assert.Equal(HashScheme.Malformed, hash.Scheme);
        Assert.Contains("1048579 characters", hash.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_megabyte_lines_are_problems_and_the_rest_is_still_read()
    {
        var text = "root:" + new string('A', 1 << 20) + ":0:0::/root:/bin/sh\nadmin:x:1000:1000::/home/admin:/bin/sh\n";
        var passwd = PasswdFile.Parse(text);
        Assert.Equal("admin", Assert.Single(passwd.Entries).Name);
        var problem = Assert.Single(passwd.Problems);
        Assert.Equal(1, problem.LineNumber);
        Assert.Contains("over 4096", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_garbage_in_account_files_becomes_problems()
    {
        var random = new Random(1);
        var bytes = new byte[64 * 1024];
        random.NextBytes(bytes);
        foreach (var text in new[] { Encoding.Latin1.GetString(bytes), Encoding.UTF8.GetString(bytes) })
        {
            var garbage = "root:$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0:18145:0:99999:7:::\n" + text;
            var shadow = ShadowFile.Parse(garbage);
            Assert.Equal("root", shadow.Entries[0].Name);
            Assert.NotEmpty(shadow.Problems);
            Assert.All(shadow.Problems, p => Assert.False(string.IsNullOrEmpty(p.Reason)));
            Assert.InRange(shadow.Problems.Count, 1, 1001);

            _ = PasswdFile.Parse(garbage);
            _ = GroupFile.Parse(garbage);
            _ = HtpasswdFile.Parse(garbage);
            _ = MosquittoPasswordFile.Parse(garbage);
        }
    }

    [Fact]
    public void Entries_and_problems_are_capped()
    {
        var many = string.Concat(Enumerable.Range(0, 100_005).Select(i => $"u{i}:x:{i}:{i}::/:/bin/sh\n"));
        var passwd = PasswdFile.Parse(many);
        Assert.Equal(100_000, passwd.Entries.Count);
        var cap = Assert.Single(passwd.Problems);
        Assert.Equal(100_001, cap.LineNumber);
        Assert.Contains("more than 100000 entries", cap.Reason, StringComparison.Ordinal);

        var bad = PasswdFile.Parse(string.Concat(Enumerable.Repeat("bad line\n", 5000)));
        Assert.Equal(1001, bad.Problems.Count);
        Assert.Contains("more than 1000 problems", bad.Problems[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_candidates_are_not_tried()
    {
        var target = new CrackTarget("root", PasswordHash.Parse("$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0"));
        var huge = new Candidate(Candidate.ImageStringSource, 0, null, new string('x', 1 << 20));
        var outcome = Assert.Single(new HashCracker().Crack([target], [huge]));
        Assert.Equal(CrackStatus.NotFound, outcome.Status);
        // The huge candidate is dropped: only the account name is left to try.
        Assert.Equal(1, outcome.Total);
        Assert.Equal(VerifyResult.NoMatch, CryptVerifier.Verify(target.Hash, huge.Password));
    }

    [Fact]
    public void Null_input_is_an_empty_result_not_an_exception()
    {
        Assert.Equal(HashScheme.Empty, PasswordHash.Parse(null).Scheme);
        Assert.Empty(ShadowFile.Parse(null).Entries);
        Assert.Equal(VerifyResult.NotVerifiable, CryptVerifier.Verify(null, "x"));
        Assert.Equal(VerifyResult.NotVerifiable, CryptVerifier.Verify(PasswordHash.Parse(""), null));
    }
}
