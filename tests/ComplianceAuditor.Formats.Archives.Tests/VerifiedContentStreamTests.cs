using System.Text;
using ComplianceAuditor.Formats.Archives.Internal;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tests;

public sealed class VerifiedContentStreamTests
{
    private static readonly byte[] Content = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");

    // CRC-32 of the sentence above, the check value every CRC-32 description quotes.
    private const uint ContentCrc = 0x414FA339;

    [Fact]
    public void Content_that_matches_its_record_reads_through()
    {
        using var stream = new VerifiedContentStream(new MemoryStream(Content), "zip", "fox.txt", Content.Length, ContentCrc);

        Assert.Equal(Content, ReadAll(stream));
    }

    [Fact]
    public void A_CRC_mismatch_fails_at_the_end_of_the_content()
    {
        using var stream = new VerifiedContentStream(new MemoryStream(Content), "zip", "fox.txt", Content.Length, ContentCrc ^ 1);

        var error = Assert.Throws<UnpackException>(() => ReadAll(stream));

        Assert.Contains("fox.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_CRC_a_short_content_still_fails_on_its_size()
    {
        using var stream = new VerifiedContentStream(new MemoryStream(Content), "7z", "fox.txt", Content.Length + 1, expectedCrc: null);

        var error = Assert.Throws<UnpackException>(() => ReadAll(stream));

        Assert.Contains("44", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_that_stops_early_gets_no_verdict()
    {
        using var stream = new VerifiedContentStream(new MemoryStream(Content), "zip", "fox.txt", Content.Length, ContentCrc ^ 1);

        var buffer = new byte[10];
        Assert.Equal(10, stream.Read(buffer, 0, buffer.Length));
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
