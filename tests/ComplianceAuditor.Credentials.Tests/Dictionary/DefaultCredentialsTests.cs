using ComplianceAuditor.Credentials.Dictionary;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Credentials.Tests.Dictionary;

public sealed class DefaultCredentialsTests
{
    [SharedFact("corpus/default-credentials/mirai-2016.tsv")]
    public void Every_Mirai_pair_of_the_corpus_is_built_in_in_source_order()
    {
        var corpus = File.ReadAllLines(Path.Combine(RepositoryPaths.Shared, "corpus/default-credentials/mirai-2016.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => (User: fields[0], Password: fields.Length > 1 ? fields[1] : ""))
            .ToList();
        var builtIn = DefaultCredentials.FromSource(DefaultCredentials.MiraiSource);

        Assert.Equal(62, corpus.Count);
        Assert.Equal(corpus, builtIn.Select(c => (User: c.Username!, c.Password)).ToList());
        Assert.Equal(Enumerable.Range(1, 62), builtIn.Select(c => c.Index));
    }

    [Fact]
    public void Mirai_list_keeps_duplicates_and_empty_passwords()
    {
        var mirai = DefaultCredentials.FromSource(DefaultCredentials.MiraiSource);
        Assert.Equal(62, mirai.Count);
        Assert.Equal(2, mirai.Count(c => c is { Username: "guest", Password: "12345" }));
        Assert.Contains(mirai, c => c is { Index: 12, Username: "root", Password: "" });
        Assert.Contains(mirai, c => c is { Index: 17, Username: "admin", Password: "" });
        Assert.Equal(new DefaultCredential("mirai-2016", 1, "root", "xc3511"), mirai[0]);
        Assert.Equal(new DefaultCredential("mirai-2016", 62, "mother", "fucker"), mirai[^1]);
    }

    [Fact]
    public void Vendor_defaults_are_a_short_list_of_distinct_logins()
    {
        var vendor = DefaultCredentials.FromSource(DefaultCredentials.VendorSource);
        Assert.InRange(vendor.Count, 30, 50);
        Assert.Equal(vendor.Count, vendor.Select(c => (c.Username, c.Password)).Distinct().Count());
        Assert.Contains(vendor, c => c is { Username: "pi", Password: "raspberry" });
        Assert.Contains(vendor, c => c is { Username: "root", Password: "" });
        Assert.Equal(
            DefaultCredentials.BuiltIn.Count,
            DefaultCredentials.FromSource(DefaultCredentials.MiraiSource).Count + vendor.Count);
    }

    [Fact]
    public void The_parser_reads_any_user_and_counts_per_source()
    {
        var entries = DefaultCredentials.Parse("# comment\n*\tsecret\ta\nroot\t\ta\r\nadmin\tadmin\tb\n");
        Assert.Equal(
            [
                new DefaultCredential("a", 1, null, "secret"),
                new DefaultCredential("a", 2, "root", ""),
                new DefaultCredential("b", 1, "admin", "admin"),
            ],
            entries);
        Assert.Throws<FormatException>(() => DefaultCredentials.Parse("root\tonly-two-fields\n"));
    }
}
