using System.Buffers.Binary;
using System.Diagnostics;
using ComplianceAuditor.Elf.Evidence;
using Xunit.Abstractions;

namespace ComplianceAuditor.Elf.Tests;

/// <summary>
/// Deterministic mutations of a real binary: whatever the damage, Parse either succeeds or throws
/// ElfFormatException, and every member of the result can be read without throwing.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const string Sample = "/bin/ls";
    private const int Seed = 20_261_124;
    private const int MutationsPerKind = 1_200;

    [Fact]
    public void Mutated_binaries_parse_or_throw_ElfFormatException_and_never_hang()
    {
        Assert.True(File.Exists(Sample), $"{Sample} is needed for this test");
        var original = File.ReadAllBytes(Sample);
        var shoff = (int)BinaryPrimitives.ReadUInt64LittleEndian(original.AsSpan(0x28));
        var random = new Random(Seed);
        var failures = new List<string>();
        var (parsed, rejected) = (0, 0);
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();

        foreach (var (name, bytes) in Mutations(original, shoff, random))
        {
            var one = Stopwatch.StartNew();
            try
            {
                var elf = ElfFile.Parse(bytes);
                Touch(elf);
                parsed++;
            }
            catch (ElfFormatException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
        }

        total.Stop();
        output.WriteLine($"{parsed + rejected + failures.Count} mutations of {Sample}: {parsed} parsed, {rejected} rejected with ElfFormatException, "
            + $"{failures.Count} other exceptions; {total.Elapsed.TotalSeconds:F1} s in all, slowest {slowest.TotalMilliseconds:F0} ms");
        Assert.True(failures.Count == 0, $"{failures.Count} mutations threw something else:\n{string.Join("\n", failures.Take(10))}");
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(60), $"the mutations took {total.Elapsed.TotalSeconds:F1} s: something is close to hanging");
        Assert.True(parsed > 0 && rejected > 0, "the mutations should exercise both outcomes");
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Mutations(byte[] original, int shoff, Random random)
    {
        for (var i = 0; i < MutationsPerKind; i++)
        {
            var bytes = (byte[])original.Clone();
            var flips = random.Next(1, 9);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(0, 4096)] = (byte)random.Next(256);
            }

            yield return ($"header-area #{i}", bytes);
        }

        for (var i = 0; i < MutationsPerKind; i++)
        {
            var bytes = (byte[])original.Clone();
            var flips = random.Next(1, 9);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(shoff, bytes.Length)] = (byte)random.Next(256);
            }

            yield return ($"section-headers #{i}", bytes);
        }

        for (var i = 0; i < MutationsPerKind / 2; i++)
        {
            var length = i < 80 ? i : random.Next(0, original.Length);
            yield return ($"truncated to {length}", original[..length]);
        }

        for (var i = 0; i < MutationsPerKind / 2; i++)
        {
            var bytes = (byte[])original.Clone();
            var at = random.Next(0, 4096 - 8);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), random.Next(4) switch
            {
                0 => ulong.MaxValue,
                1 => (ulong)random.NextInt64(),
                2 => (ulong)random.Next(0, bytes.Length * 2),
                _ => 0x7fff_ffff,
            });
            yield return ($"wide value at {at}", bytes[..random.Next(at + 8, bytes.Length + 1)]);
        }
    }

    /// <summary>Reads every member, including the computed ones, so a lazy failure surfaces here.</summary>
    private static void Touch(ElfFile elf)
    {
        _ = (elf.Kind, elf.SoName, elf.RPath, elf.RunPath, elf.Flags, elf.Flags1, elf.BindNow, elf.BuildId, elf.Is64, elf.Header.MachineName);
        _ = (elf.Needed.Count(), elf.Imports.Count(), elf.Exports.Count(), elf.Comments.Count, elf.Problems.Count);
        _ = (elf.GnuProperties.X86Ibt, elf.GnuProperties.X86Shstk, elf.GnuProperties.AArch64Bti, elf.GnuProperties.AArch64Pac);
        _ = elf.Dynamic.Select(e => e.TagName).Count();
        _ = elf.Segments.Select(s => s.FlagString).Count();
        foreach (var section in elf.Sections)
        {
            _ = elf.SectionData(section).Length;
        }

        _ = ElfStrings.Extract(elf, new StringOptions { MaxCount = 200 }).Count;
    }
}
