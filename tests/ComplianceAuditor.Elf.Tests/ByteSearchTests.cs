using System.Text;
using ComplianceAuditor.Elf.Evidence;

namespace ComplianceAuditor.Elf.Tests;

public sealed class ByteSearchTests
{
    [Fact]
    public void Every_occurrence_is_found_with_its_offset()
    {
        var data = "xx-----BEGIN RSA PRIVATE KEY-----yy-----BEGIN RSA PRIVATE KEY-----"u8;

        var found = ByteSearch.FindAll(data, "-----BEGIN RSA"u8);

        Assert.Equal([2L, 35L], found);
    }

    [Fact]
    public void Overlapping_occurrences_are_all_found()
    {
        var found = ByteSearch.FindAll("aaaaa"u8, "aa"u8);

        Assert.Equal([0L, 1L, 2L, 3L], found);
    }

    [Fact]
    public void Overlapping_multi_byte_patterns_are_found()
    {
        var found = ByteSearch.FindAll("abababa"u8, "aba"u8);

        Assert.Equal([0L, 2L, 4L], found);
    }

    [Fact]
    public void The_maximum_count_is_respected()
    {
        var found = ByteSearch.FindAll(Encoding.ASCII.GetBytes(new string('z', 100)), "z"u8, maxCount: 7);

        Assert.Equal([0L, 1L, 2L, 3L, 4L, 5L, 6L], found);
    }

    [Fact]
    public void A_zero_maximum_count_finds_nothing()
    {
        Assert.Empty(ByteSearch.FindAll("zzz"u8, "z"u8, maxCount: 0));
    }

    [Fact]
    public void A_pattern_at_the_very_end_is_found()
    {
        byte[] data = [0, 1, 2, 0xde, 0xad, 0xbe, 0xef];

        Assert.Equal([3L], ByteSearch.FindAll(data, [0xde, 0xad, 0xbe, 0xef]));
    }

    [Fact]
    public void An_absent_pattern_or_an_empty_pattern_finds_nothing()
    {
        Assert.Empty(ByteSearch.FindAll("hello"u8, "world"u8));
        Assert.Empty(ByteSearch.FindAll("hello"u8, ReadOnlySpan<byte>.Empty));
        Assert.Empty(ByteSearch.FindAll(ReadOnlySpan<byte>.Empty, "x"u8));
    }

    [Fact]
    public void A_pattern_longer_than_the_data_finds_nothing()
    {
        Assert.Empty(ByteSearch.FindAll("ab"u8, "abc"u8));
    }
}
