using System.Text.Json;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Elf.Tests;

/// <summary>
/// The hostile files of tests/fixtures/elf/malformed: each is either refused with ElfFormatException naming the
/// defect, or read with a problem recorded for the damaged part while the parts expected.json lists as intact are
/// still read.
/// </summary>
public sealed class MalformedFixtureTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "elf", "malformed");

    /// <summary>Per file: the ElfFormatException text, or the ElfProblem part (null: readable, nothing to report).</summary>
    private static readonly Dictionary<string, (bool Throws, string? Expected)> Expectations = new(StringComparer.Ordinal)
    {
        ["absurd-phnum"] = (false, "program headers"),
        ["absurd-shnum"] = (false, "section headers"),
        ["bad-class"] = (true, "invalid class 7"),
        ["bad-data"] = (true, "invalid data encoding 9"),
        ["bad-shentsize"] = (false, "section headers"),
        ["dynamic-loop"] = (false, "dynamic section"),
        ["elf-magic-only"] = (true, "truncated"),
        ["not-elf.so"] = (true, "magic"),
        ["overlapping-segments"] = (false, null),
        ["shoff-past-end"] = (false, "section headers"),
        ["strtab-out-of-range"] = (false, "section names"),
        ["truncated-header"] = (true, "truncated"),
        ["truncated-phdrs"] = (false, "program headers"),
        ["zero-length.so"] = (true, "magic"),
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.EnumerateFiles(Folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Fact]
    public void The_malformed_fixtures_are_present()
    {
        Assert.True(Directory.Exists(Folder), $"{Folder} is missing");
        Assert.Equal(Expectations.Keys.Order(StringComparer.Ordinal), Directory.EnumerateFiles(Folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_malformed_fixture_is_refused_or_read_with_a_problem_in_the_damaged_part(string name)
    {
        Assert.True(Expectations.TryGetValue(name, out var expected), $"no expectation for malformed/{name}: add one to this test");
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));

        if (expected.Throws)
        {
            var e = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(bytes));
            Assert.Contains(expected.Expected!, e.Message, StringComparison.Ordinal);
            return;
        }

        var elf = ElfFile.Parse(bytes);
        if (expected.Expected is null)
        {
            Assert.Empty(elf.Problems);
        }
        else
        {
            Assert.Contains(elf.Problems, p => p.Part == expected.Expected);
        }

        foreach (var part in Intact(name))
        {
            switch (part)
            {
                case "phdrs":
                    Assert.NotEmpty(elf.Segments);
                    Assert.Equal("/lib64/ld-linux-x86-64.so.2", elf.Interpreter);
                    break;
                case "sections":
                    Assert.Contains(elf.Sections, s => s.Name == ".text");
                    Assert.NotEmpty(elf.DynamicSymbols);
                    break;
                case "dynamic":
                    Assert.Contains("libc.so.6", elf.Needed);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The parts expected.json lists as still valid for a malformed file.</summary>
    private static string[] Intact(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "..", "expected.json")));
        var entry = json.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == "malformed/" + name);
        return entry.GetProperty("intact").EnumerateArray().Select(p => p.GetString()!).ToArray();
    }
}
