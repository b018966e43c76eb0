using System.Diagnostics;
using System.Text;
using ComplianceAuditor.KeyMaterial.Parsing;
using ComplianceAuditor.KeyMaterial.Scanning;

namespace ComplianceAuditor.KeyMaterial.Tests;

/// <summary>Firmware is hostile: garbage, absurd lengths and deep nesting must neither throw nor take long.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Megabytes_of_random_bytes_scan_and_parse_without_exceptions()
    {
        var random = new Random(20261124);
        var data = new byte[6 * 1024 * 1024];
        random.NextBytes(data);

        var findings = KeyMaterialFinder.Find(data);

        Assert.Empty(findings.Items);
    }

    [Fact]
    public void Random_bytes_sprinkled_with_key_anchors_parse_without_exceptions()
    {
        // Random data alone rarely reaches the parser; plant the anchors so that thousands of candidates do.
        var random = new Random(7);
        var data = new byte[2 * 1024 * 1024];
        random.NextBytes(data);
        byte[][] anchors =
        [
            [0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30],
            [0x30, 0x81, 0x90, 0x30, 0x0D, 0x06],
            [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70],
            [0x30, 0x82, 0x02, 0x00, 0x02, 0x01, 0x03, 0x30, 0x10, 0x06],
            "openssh-key-v1\0"u8.ToArray(),
            "-----BEGIN PRIVATE KEY-----\nMII"u8.ToArray(),
        ];
        for (var at = 0; at < data.Length - 64; at += 200 + random.Next(200))
        {
            anchors[random.Next(anchors.Length)].CopyTo(data, at);
        }

        var candidates = new List<KeyCandidate>();
        KeyCandidateScanner.Scan(data, 0, candidates);
        var rejected = candidates.Select(c => KeyMaterialParser.TryParse(data, c)).Count(r => !r.IsConfirmed);

        Assert.True(candidates.Count > 1000, $"only {candidates.Count} candidates");
        Assert.Equal(candidates.Count, rejected);
    }

    [Fact]
    public void Der_header_claiming_two_gigabytes_is_neither_a_candidate_nor_parsed()
    {
        byte[] data = [0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF, 0x02, 0x01, 0x00, 0x30, 0x0D, .. new byte[100]];

        Assert.Empty(Fixture.Candidates(data));
        var result = KeyMaterialParser.TryParse(data, new KeyCandidate(0, data.Length, CandidateEncoding.Der));
        Assert.Equal(KeyParseStatus.Rejected, result.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Deeply_nested_sequences_are_rejected_before_the_recursive_parser(bool indefinite)
    {
        // 10,000 levels (50 KB of headers) would overflow the stack of a recursive parser; the walker refuses past 24.
        const int depth = 10_000;
        var data = new List<byte>();
        for (var level = 0; level < depth; level++)
        {
            var inner = (depth - level - 1) * 5;
            data.AddRange(indefinite ? [0x30, 0x80] : [0x30, 0x83, (byte)(inner >> 16), (byte)(inner >> 8), (byte)inner]);
        }

        var bytes = data.ToArray();
        var length = Math.Min(bytes.Length, KeyCandidateScanner.MaxCandidateLength);
        var result = KeyMaterialParser.TryParse(bytes, new KeyCandidate(0, length, CandidateEncoding.Der));

        Assert.Equal(KeyParseStatus.Rejected, result.Status);
    }

    [Fact]
    public void Deep_nesting_hidden_in_an_octet_string_of_a_plausible_key_is_rejected()
    {
        // PKCS#8 shape whose private key OCTET STRING holds 1,000 nested SEQUENCEs: the parser would open it later.
        var nested = new List<byte>();
        for (var i = 0; i < 1000; i++)
        {
            nested.AddRange([0x30, 0x80]);
        }

        nested.AddRange(new byte[2000]);
        byte[] algorithm = [0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00];
        var content = new List<byte> { 0x02, 0x01, 0x00 };
        content.AddRange(algorithm);
        content.AddRange([0x04, 0x82, (byte)(nested.Count >> 8), (byte)nested.Count]);
        content.AddRange(nested);
        var der = new List<byte> { 0x30, 0x82, (byte)(content.Count >> 8), (byte)content.Count };
        der.AddRange(content);

        var findings = KeyMaterialFinder.Find(der.ToArray());

        Assert.Empty(findings.Items);
        Assert.NotEmpty(findings.Rejected);
    }

    [Fact]
    public void Pem_body_of_a_megabyte_is_not_a_candidate_and_is_scanned_quickly()
    {
        var body = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
        while (body.Length < 1024 * 1024)
        {
            body.Append("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n");
        }

        var data = Encoding.ASCII.GetBytes(body.Append("-----END PRIVATE KEY-----\n").ToString());
        var clock = Stopwatch.StartNew();

        var findings = KeyMaterialFinder.Find(data);

        Assert.Equal(0, findings.CandidateCount);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
    }

    [Fact]
    public void Many_begin_markers_without_end_markers_stay_linear()
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("-----BEGIN CERTIFICATE-----\n" + new string('A', 60) + "\n", 40_000)));
        var clock = Stopwatch.StartNew();

        var findings = KeyMaterialFinder.Find(data);

        Assert.Equal(0, findings.CandidateCount);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
    }

    [Fact]
    public void Candidate_outside_the_buffer_is_rejected_not_thrown()
    {
        var result = KeyMaterialParser.TryParse(new byte[10], new KeyCandidate(5, 100, CandidateEncoding.Der));

        Assert.Equal(KeyParseStatus.Rejected, result.Status);
    }

    [Fact]
    public void Every_truncation_of_every_fixture_parses_without_throwing()
    {
        foreach (var file in Directory.GetFiles(Fixture.Directory).Where(f => !f.EndsWith(".sh", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            for (var length = 0; length < bytes.Length; length += 1 + (bytes.Length / 97))
            {
                var prefix = bytes.AsSpan(0, length);
                foreach (var encoding in Enum.GetValues<CandidateEncoding>())
                {
                    var result = KeyMaterialParser.TryParse(prefix, new KeyCandidate(0, Math.Max(1, length), encoding));
                    Assert.NotNull(result);
                }
            }
        }
    }
}
