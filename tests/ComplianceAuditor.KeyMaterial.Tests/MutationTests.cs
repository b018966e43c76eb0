using System.Diagnostics;

namespace ComplianceAuditor.KeyMaterial.Tests;

/// <summary>Real key files with a few bytes changed: lengths, counts and OIDs now lie, and nothing may throw or hang.</summary>
public sealed class MutationTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var files = Directory.GetFiles(Fixture.Directory)
            .Where(f => !f.EndsWith(".sh", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal));
        foreach (var file in files)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Mutated_fixture_is_scanned_and_parsed_without_exception_in_bounded_time(string name)
    {
        var original = Fixture.Bytes(name);
        var random = new Random(name.Length * 7919);
        var slowest = TimeSpan.Zero;
        for (var round = 0; round < 40; round++)
        {
            var bytes = original.ToArray();
            for (var flips = 1 + random.Next(4); flips > 0; flips--)
            {
                var at = random.Next(bytes.Length);
                bytes[at] = random.Next(3) == 0 ? (byte)random.Next(256) : (byte)(bytes[at] ^ (1 << random.Next(8)));
            }

            var clock = Stopwatch.StartNew();
            var findings = KeyMaterialFinder.Find(bytes);
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            Assert.True(findings.Items.Count + findings.Rejected.Count <= findings.CandidateCount);
        }

        Assert.True(slowest < TimeSpan.FromSeconds(2), $"slowest mutation took {slowest}");
    }
}
