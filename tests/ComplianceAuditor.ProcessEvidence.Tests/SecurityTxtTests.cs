using ComplianceAuditor.ProcessEvidence.Disclosure;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class SecurityTxtTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Valid_file_has_contacts_expiry_and_no_problems()
    {
        var doc = SecurityTxt.Parse(
            "# Our disclosure contacts\nContact: mailto:security@example.com\nContact: https://example.com/report\n" +
            "Expires: 2027-06-30T23:59:59Z\nPolicy: https://example.com/policy\nPreferred-Languages: en, de\n", Now);

        Assert.True(doc.IsValid);
        Assert.Empty(doc.Problems);
        Assert.Equal(["mailto:security@example.com", "https://example.com/report"], doc.Contacts.Select(c => c.Value));
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 23, 59, 59, TimeSpan.Zero), doc.Expires);
        Assert.Equal(4, doc.Fields.Single(f => f.Name == "Expires").Line);
        Assert.False(doc.IsSigned);
    }

    [Fact]
    public void Past_expiry_is_flagged_expired_on_its_line()
    {
        var doc = SecurityTxt.Parse("Contact: tel:+44-20-7946-0000\nExpires: 2025-01-01T00:00:00+01:00\n", Now);

        Assert.False(doc.IsValid);
        Assert.True(doc.IsExpired);
        Assert.Equal(2, doc.Problems.Single(p => p.Kind == SecurityTxtProblemKind.Expired).Line);
    }

    [Fact]
    public void Expiry_more_than_a_year_ahead_is_a_warning_not_an_error()
    {
        var doc = SecurityTxt.Parse("Contact: mailto:a@example.com\nExpires: 2030-01-01T00:00:00Z\n", Now);

        Assert.True(doc.IsValid);
        Assert.Contains(doc.Problems, p => p.Kind == SecurityTxtProblemKind.ExpiresTooFarAhead);
    }

    [Fact]
    public void Missing_contact_and_missing_expires_are_errors()
    {
        var doc = SecurityTxt.Parse("Policy: https://example.com/policy\n", Now);

        Assert.False(doc.IsValid);
        Assert.Contains(doc.Problems, p => p.Kind == SecurityTxtProblemKind.MissingContact);
        Assert.Contains(doc.Problems, p => p.Kind == SecurityTxtProblemKind.MissingExpires);
        Assert.Null(doc.Expires);
    }

    [Fact]
    public void Duplicate_expires_is_reported_on_the_second_line_and_gives_no_single_expiry()
    {
        var doc = SecurityTxt.Parse(
            "Contact: mailto:a@example.com\nExpires: 2027-01-01T00:00:00Z\nExpires: 2027-02-01T00:00:00Z\n", Now);

        var duplicate = Assert.Single(doc.Problems, p => p.Kind == SecurityTxtProblemKind.DuplicateExpires);
        Assert.Equal(3, duplicate.Line);
        Assert.Null(doc.Expires);
        Assert.False(doc.IsValid);
    }

    [Theory]
    [InlineData("Expires: next year")]
    [InlineData("Expires: 2027-01-01")]
    [InlineData("Expires: 2027-13-01T00:00:00Z")]
    public void Non_rfc3339_expires_is_invalid(string line)
    {
        var doc = SecurityTxt.Parse("Contact: mailto:a@example.com\n" + line + "\n", Now);

        Assert.Contains(doc.Problems, p => p.Kind == SecurityTxtProblemKind.InvalidExpires && p.Line == 2);
    }

    [Fact]
    public void Http_contact_is_invalid_and_unknown_fields_are_listed_but_allowed()
    {
        var doc = SecurityTxt.Parse(
            "Contact: http://example.com/insecure\nContact: mailto:a@example.com\nExpires: 2027-01-01T00:00:00Z\nX-Custom: yes\n", Now);

        Assert.Contains(doc.Problems, p => p.Kind == SecurityTxtProblemKind.InvalidContact && p.Line == 1);
        var unknown = Assert.Single(doc.Problems, p => p.Kind == SecurityTxtProblemKind.UnknownField);
        Assert.False(unknown.IsError);
        Assert.Equal("X-Custom", unknown.Detail);
    }

    [Fact]
    public void Http_policy_link_is_an_insecure_uri()
    {
        var doc = SecurityTxt.Parse("Contact: mailto:a@example.com\nExpires: 2027-01-01T00:00:00Z\nPolicy: http://example.com/p\n", Now);

        Assert.Equal(3, Assert.Single(doc.Problems).Line);
        Assert.Equal(SecurityTxtProblemKind.InsecureUri, doc.Problems[0].Kind);
        Assert.False(doc.IsValid);
    }

    [Fact]
    public void Signed_file_is_unwrapped_with_original_line_numbers()
    {
        var text = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:security@example.com\n" +
            "- -not-a-field-just-dash-escaped: x\nExpires: 2027-03-01T00:00:00.000Z\n-----BEGIN PGP SIGNATURE-----\n\n" +
            "iQIzBAEBCAAdFiEE\n-----END PGP SIGNATURE-----\n";

        var doc = SecurityTxt.Parse(text, Now);

        Assert.True(doc.IsSigned);
        Assert.Equal(4, doc.Contacts.Single().Line);
        Assert.Equal(6, doc.Fields.Single(f => f.Name == "Expires").Line);
        Assert.DoesNotContain(doc.Fields, f => f.Name.StartsWith("iQ", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Fields, f => f.Name == "Hash");
        Assert.True(doc.IsValid, string.Join(", ", doc.Problems));
    }

    [Fact]
    public void Signed_file_without_signature_block_reports_broken_armor()
    {
        var doc = SecurityTxt.Parse("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@example.com\n", Now);

        Assert.True(doc.IsSigned);
        Assert.Contains(doc.Problems, p => p.Kind == SecurityTxtProblemKind.BrokenSignatureArmor);
    }

    [Fact]
    public void Find_prefers_well_known_location_and_reports_path()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/security.txt", "Contact: mailto:old@example.com\n")
            .Add("/.well-known/security.txt", "Contact: mailto:new@example.com\nExpires: 2027-01-01T00:00:00Z\n");

        var doc = SecurityTxt.Find(files, Now);

        Assert.NotNull(doc);
        Assert.Equal("/.well-known/security.txt", doc.Path);
        Assert.Equal("mailto:new@example.com", doc.Contacts.Single().Value);
    }

    [Fact]
    public void Find_returns_null_when_absent()
    {
        var files = new InMemoryRepositoryFiles().Add("/README.md", "Contact: mailto:a@example.com\n");

        Assert.Null(SecurityTxt.Find(files, Now));
    }

    [Fact]
    public void Garbage_lines_are_malformed_not_fatal()
    {
        var doc = SecurityTxt.Parse("this is not a field\n: empty name\nContact: mailto:a@example.com\n", Now);

        Assert.Equal([1, 2], doc.Problems.Where(p => p.Kind == SecurityTxtProblemKind.MalformedLine).Select(p => p.Line));
    }
}
