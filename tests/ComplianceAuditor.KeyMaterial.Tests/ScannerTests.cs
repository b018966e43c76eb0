using System.Text;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Tests;

public sealed class ScannerTests
{
    [Fact]
    public void Pem_block_is_found_with_its_label_offset_and_length()
    {
        var pem = Fixture.Bytes("rsa2048-pkcs8.pem");
        var data = Encoding.ASCII.GetBytes("config: yes\n").Concat(pem).Concat("trailer"u8.ToArray()).ToArray();

        var candidate = Assert.Single(Fixture.Candidates(data, baseOffset: 1000));

        Assert.Equal(CandidateEncoding.Pem, candidate.Encoding);
        Assert.Equal("PRIVATE KEY", candidate.PemLabel);
        Assert.Equal(1000 + 12, candidate.Offset);
        Assert.Equal(Encoding.ASCII.GetString(pem).TrimEnd('\n').Length, candidate.Length);
    }

    [Fact]
    public void Armoured_openssh_key_is_an_openssh_candidate()
    {
        var candidate = Assert.Single(Fixture.Candidates(Fixture.Bytes("ed25519-openssh")));

        Assert.Equal(CandidateEncoding.OpenSsh, candidate.Encoding);
        Assert.Equal("OPENSSH PRIVATE KEY", candidate.PemLabel);
    }

    [Fact]
    public void Binary_openssh_key_is_found_by_its_magic_and_measured_by_its_fields()
    {
        var text = Encoding.ASCII.GetString(Fixture.Bytes("ed25519-openssh")).Split('\n')
            .Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        var blob = Convert.FromBase64String(string.Concat(text));
        var data = new byte[100].Concat(blob).Concat(new byte[50]).ToArray();

        var candidate = Assert.Single(Fixture.Candidates(data));

        Assert.Equal(CandidateEncoding.OpenSsh, candidate.Encoding);
        Assert.Null(candidate.PemLabel);
        Assert.Equal(100, candidate.Offset);
        Assert.Equal(blob.Length, candidate.Length);
    }

    [Theory]
    [InlineData("ed25519-openssh.pub")]
    [InlineData("rsa2048-openssh.pub")]
    [InlineData("ecdsa-p256-openssh.pub")]
    public void Ssh_public_key_line_is_found_up_to_the_end_of_its_base64(string name)
    {
        var line = Encoding.ASCII.GetString(Fixture.Bytes(name));
        var data = Encoding.ASCII.GetBytes("command=\"true\" " + line);

        var candidate = Assert.Single(Fixture.Candidates(data));

        Assert.Equal(CandidateEncoding.SshPublicLine, candidate.Encoding);
        Assert.Equal(15, candidate.Offset);
        Assert.Equal(line.IndexOf(" fixture@", StringComparison.Ordinal), candidate.Length);
    }

    [Fact]
    public void Ssh_type_names_inside_other_words_or_without_a_key_are_not_candidates()
    {
        var data = "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAI\nssh-rsa\0ssh-ed25519 is supported\n"u8.ToArray();

        Assert.Empty(Fixture.Candidates(data));
    }

    [Fact]
    public void Putty_key_file_is_found_up_to_its_mac()
    {
        var ppk = Fixture.Bytes("ed25519-v3.ppk");

        var candidate = Assert.Single(Fixture.Candidates(ppk));

        Assert.Equal(CandidateEncoding.Putty, candidate.Encoding);
        Assert.Equal(Encoding.ASCII.GetString(ppk).TrimEnd('\n').Length, candidate.Length);
    }

    [Theory]
    [InlineData("rsa2048-pkcs8.der")]
    [InlineData("rsa2048-pkcs1.der")]
    [InlineData("rsa2048-rsapublickey.der")]
    [InlineData("cert-selfsigned-expired.der")]
    [InlineData("dsa2048-traditional.der")]
    [InlineData("pkcs12-nopassword.p12")]
    [InlineData("ec-p256-pkcs8-encrypted.der")]
    public void Long_form_der_structure_is_a_candidate_spanning_the_whole_file(string name)
    {
        var der = Fixture.Bytes(name);

        var candidates = Fixture.Candidates(der);

        Assert.Contains(candidates, c => c.Offset == 0 && c.Length == der.Length && c.Encoding == CandidateEncoding.Der);
    }

    [Theory]
    [InlineData("ed25519-pkcs8.der", 48)]
    [InlineData("ec-p256-sec1.der", 121)]
    [InlineData("ec-p192-sec1.der", 97)]
    [InlineData("ec-p256-spki.der", 91)]
    [InlineData("ec-p192-spki.der", 75)]
    public void Short_form_der_key_is_found_from_the_oid_or_version_inside_it(string name, int length)
    {
        var data = new byte[37].Concat(Fixture.Bytes(name)).Concat(new byte[11]).ToArray();

        var candidate = Assert.Single(Fixture.Candidates(data));

        Assert.Equal(37, candidate.Offset);
        Assert.Equal(length, candidate.Length);
    }

    [Fact]
    public void Der_header_whose_length_runs_past_the_data_is_not_a_candidate()
    {
        var der = Fixture.Bytes("rsa2048-pkcs8.der");

        Assert.Empty(Fixture.Candidates(der.AsSpan(0, der.Length - 1)));
    }

    [Fact]
    public void Candidates_are_sorted_by_offset_and_nested_ones_are_reported()
    {
        // A PKCS#8 key holds its PKCS#1 key in an OCTET STRING: both are structurally plausible.
        var candidates = Fixture.Candidates(Fixture.Bytes("rsa2048-pkcs8.der"));

        Assert.Equal(2, candidates.Count);
        Assert.True(candidates[0].Offset < candidates[1].Offset);
        Assert.True(candidates[1].End <= candidates[0].End);
    }

    [Fact]
    public void Pem_block_straddling_a_chunk_boundary_is_found_once()
    {
        var pem = Fixture.Bytes("ec-p256-sec1.pem");
        var data = new byte[(32 * 1024) - 20].Concat(pem).Concat(new byte[100]).ToArray();

        var candidate = Assert.Single(Fixture.Candidates(data));

        Assert.Equal((32 * 1024) - 20, candidate.Offset);
    }

    [Fact]
    public void Candidate_count_is_bounded_and_the_summary_says_so()
    {
        var block = Encoding.ASCII.GetBytes("-----BEGIN X-----\nAAAA\n-----END X-----\n");
        var data = Enumerable.Repeat(block, KeyCandidateScanner.MaxCandidatesPerBuffer + 50).SelectMany(b => b).ToArray();
        var candidates = new List<KeyCandidate>();

        var summary = KeyCandidateScanner.Scan(data, 0, candidates);

        Assert.True(summary.LimitReached);
        Assert.Equal(KeyCandidateScanner.MaxCandidatesPerBuffer, summary.CandidatesAdded);
        Assert.Equal(KeyCandidateScanner.MaxCandidatesPerBuffer, candidates.Count);
    }

    [Fact]
    public void Scan_appends_to_what_the_list_already_holds()
    {
        var candidates = new List<KeyCandidate> { new(5, 1, CandidateEncoding.Der) };

        var summary = KeyCandidateScanner.Scan(Fixture.Bytes("rsa2048-spki.pem"), 0, candidates);

        Assert.Equal(1, summary.CandidatesAdded);
        Assert.Equal(2, candidates.Count);
        Assert.Equal(5, candidates[0].Offset);
    }
}
