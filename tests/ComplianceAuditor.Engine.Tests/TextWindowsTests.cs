using System.Text;
using System.Text.RegularExpressions;
using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>
/// Reading text window by window must find the same matches, at the same lines and columns, as one pass over the
/// whole text. Tiny windows put many boundaries inside lines, multi-byte characters and matches.
/// </summary>
public sealed class TextWindowsTests
{
    private static readonly TextWindows.Sizes Tiny = new(512, 16, 64);

    public static TheoryData<string> Patterns => new(
        "^root:[^:\\n]*:",
        "password\\s*=\\s*\\S+",
        "\\bab\\b",
        "(?<=x)y+",
        "é+",
        "😀",
        "^$",
        "x\\ny");

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Windows_find_what_one_pass_over_the_whole_text_finds(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant);
        using var dir = new TempDirectory();
        for (var seed = 0; seed < 40; seed++)
        {
            var text = RandomText(new Random(seed), 200 + (seed * 97));
            var path = dir.Write($"f{seed}.txt", text);

            Assert.Equal(WholeText(regex, text), Windowed(regex, path, text.Length * 4));
        }
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_read_up_to_it_and_says_so()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("big.txt", string.Concat(Enumerable.Repeat("line of text\n", 400)));

        using var windows = TextWindows.Open(Artifact(path), maxBytes: 1000, CancellationToken.None, Tiny);
        var seen = 0L;
        windows.ForEachMatch(new Regex("line"), (w, i, _) => { seen = w.Start + i; return true; }, CancellationToken.None);

        Assert.True(windows.Truncated);
        Assert.InRange(seen, 900, 999);
    }

    [Fact]
    public void A_small_file_is_one_whole_window()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("small.txt", "a\nb\n");

        using var windows = TextWindows.Open(Artifact(path), maxBytes: 1 << 20, CancellationToken.None);

        Assert.True(windows.IsWhole);
        Assert.False(windows.Truncated);
        Assert.Equal("a\nb\n", windows.Text.ToString());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("é")]
    [InlineData("😀")]
    public void A_text_said_to_fit_one_window_does(string unit)
    {
        // The largest file said to fit, whatever the width of its characters.
        using var dir = new TempDirectory();
        var bytes = Encoding.UTF8.GetByteCount(unit);
        var largest = Enumerable.Range(0, 4096).Last(n => TextWindows.FitsOneWindow(n * bytes, Tiny));
        var path = dir.Write("t.txt", string.Concat(Enumerable.Repeat(unit, largest)));

        using var windows = TextWindows.Open(Artifact(path), maxBytes: 1 << 20, CancellationToken.None, Tiny);

        Assert.True(windows.IsWhole);
        Assert.False(TextWindows.FitsOneWindow(Tiny.Capacity, Tiny));
    }

    [Fact]
    public void Sizes_that_would_not_move_on_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextWindows.Sizes(100, 40, 40));

    private static List<(long Index, int Length, int Line, int Column)> Windowed(Regex regex, string path, long maxBytes)
    {
        var found = new List<(long, int, int, int)>();
        using var windows = TextWindows.Open(Artifact(path), maxBytes, CancellationToken.None, Tiny);
        windows.ForEachMatch(regex, (w, index, length) =>
        {
            var (line, column) = w.Position(index);
            found.Add((w.Start + index, length, line, column));
            return length > 0;
        }, CancellationToken.None);
        return found;
    }

    /// <summary>The reference: one pass over the whole string, with the same rule for an empty match.</summary>
    private static List<(long Index, int Length, int Line, int Column)> WholeText(Regex regex, string text)
    {
        var found = new List<(long, int, int, int)>();
        foreach (var m in regex.EnumerateMatches(text))
        {
            var before = text.AsSpan(0, m.Index);
            var line = before.Count('\n') + 1;
            var column = m.Index - (before.LastIndexOf('\n') + 1) + 1;
            found.Add((m.Index, m.Length, line, column));
            if (m.Length == 0)
            {
                break;
            }
        }

        return found;
    }

    private static string RandomText(Random random, int length)
    {
        string[] pieces = ["root:x:", "password = s3cret", " ab ", "xyy", "é", "😀", "\n", "\n", "word", "x\ny", ":", " "];
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            sb.Append(pieces[random.Next(pieces.Length)]);
        }

        return sb.ToString();
    }

    private static Artifact Artifact(string path) => new()
    {
        Path = "t/" + System.IO.Path.GetFileName(path),
        Target = "t",
        RelativePath = System.IO.Path.GetFileName(path),
        Kind = ArtifactKind.Text,
        Size = new FileInfo(path).Length,
        Content = new FileContent(path),
    };
}
