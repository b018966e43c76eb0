using ComplianceAuditor.Core.IO;
using System.Collections.Concurrent;
using System.Diagnostics;
using ComplianceAuditor.Elf.Tests.Building;
using ComplianceAuditor.Elf.Tests.Readelf;
using ComplianceAuditor.Tests.Shared;
using Xunit.Abstractions;

namespace ComplianceAuditor.Elf.Tests;

/// <summary>
/// The proof that the reader matches GNU readelf: every ELF file of the machine (/usr/bin and /usr/lib), the
/// repository's fixture binaries and the shared corpus are read by both and compared field by field. readelf must be
/// installed (binutils-multiarch); without it these tests fail with the fix, they never skip.
/// </summary>
public sealed class ReadelfDifferentialTests(ITestOutputHelper output)
{
    private const int MaxListed = 50;

    [Fact]
    public void Every_ELF_file_of_the_machine_and_the_fixtures_reads_the_same_as_in_readelf()
    {
        output.WriteLine($"{ReadelfTool.Version()} ({ReadelfTool.Executable} {ReadelfTool.Options})");
        var files = new List<(string Source, string Path)>();
        files.AddRange(ElfFiles.Under("/usr/bin", "/usr/lib").Select(f => ("system", f)));
        var fixtures = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "elf", "bin");
        if (Directory.Exists(fixtures))
        {
            files.AddRange(Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => ("fixtures", f)));
        }
        else
        {
            output.WriteLine($"no fixture binaries at {fixtures}");
        }

        var corpus = Path.Combine(RepositoryPaths.Shared, "corpus");
        if (Directory.Exists(corpus))
        {
            files.AddRange(ElfFiles.Under(corpus).Select(f => ("corpus", f)));
        }
        else
        {
            output.WriteLine($"skipped the shared corpus: {corpus} is absent");
        }

        files = files.DistinctBy(f => ElfFiles.RealPath(f.Path), StringComparer.Ordinal).ToList();
        Assert.True(files.Count(f => f.Source == "system") > 100, $"only {files.Count} ELF files found under /usr/bin and /usr/lib");

        var mismatches = new ConcurrentBag<Mismatch>();
        var warnings = new ConcurrentBag<string>();
        var coverage = new Coverage();
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            foreach (var m in CompareFile(file.Path, warnings, coverage))
            {
                mismatches.Add(m);
            }
        });
        watch.Stop();

        foreach (var group in files.GroupBy(f => f.Source))
        {
            output.WriteLine($"{group.Key}: {group.Count()} files");
        }

        output.WriteLine($"compared {files.Count} files with readelf in {watch.Elapsed.TotalSeconds:F1} s (2 workers): {coverage}");
        foreach (var w in warnings.Order(StringComparer.Ordinal))
        {
            output.WriteLine($"readelf warned: {w}");
        }

        Assert.True(coverage.Sections > 10 * files.Count && coverage.Dynamic > files.Count && coverage.SymbolTables > files.Count / 2,
            $"the comparison covered too little to prove anything: {coverage}");
        var listed = mismatches.OrderBy(m => m.File, StringComparer.Ordinal).ThenBy(m => m.Field, StringComparer.Ordinal).Take(MaxListed);
        Assert.True(mismatches.IsEmpty, $"{mismatches.Count} mismatches with readelf in {mismatches.Select(m => m.File).Distinct().Count()} files "
            + $"(first {MaxListed}):\n{string.Join("\n", listed)}");
    }

    [Theory]
    [InlineData(true, false, ElfMachines.X8664)]
    [InlineData(true, true, ElfMachines.PowerPc64)]
    [InlineData(false, false, ElfMachines.Arm)]
    [InlineData(false, true, ElfMachines.Mips)]
    public void Images_from_the_test_builder_read_the_same_as_in_readelf(bool is64, bool bigEndian, ushort machine)
    {
        using var dir = new TempDirectory();
        var built = new ElfBuilder(is64, bigEndian) { Machine = machine, Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Interpreter("/lib/ld.so.1")
            .BuildId(Convert.FromHexString("00112233445566778899aabbccddeeff01234567"))
            .Section(".text", ElfSection.ShtProgBits, new byte[64], ElfBuilder.ShfAlloc | ElfBuilder.ShfExec, align: 4)
            .DynamicSymbols(
                [new("printf", VersionIndex: 2), new("api", Section: ".text", VersionIndex: 3), new("old_api", Section: ".text", VersionIndex: 0x8004)],
                [new("libc.so.6", ("GLIBC_2.4", 2))],
                [new(1, "libx.so.1", ElfBuilder.VerFlgBase), new(3, "X_2.0"), new(4, "X_1.0")])
            .Symbols([new("local", Section: ".text", Binding: ElfSymbol.StbLocal), new("api", Section: ".text")])
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"), (ElfDynamicTags.SoName, "libx.so.1"), (ElfDynamicTags.RunPath, "$ORIGIN:/opt/x/lib"),
                (ElfDynamicTags.Flags, ElfDynamicTags.DfBindNow), (ElfDynamicTags.Flags1, ElfDynamicTags.Df1Now))
            .Comment("GCC: (GNU) 12.2.0")
            .Build();
        var path = dir.Write("libx.so.1", built.Bytes);

        var mismatches = ReadelfComparer.Compare(path, built.Bytes, ReadelfTool.Report(path));

        Assert.Empty(mismatches);
    }

    private static List<Mismatch> CompareFile(string path, ConcurrentBag<string> warnings, Coverage coverage)
    {
        var readelf = ReadelfTool.Report(path);
        coverage.Add(readelf);
        if (readelf.Errors.Trim().Length > 0)
        {
            var text = readelf.Errors.Trim().Replace('\n', ' ');
            warnings.Add($"{path}: {(text.Length > 300 ? text[..300] + "..." : text)}");
        }

        try
        {
            using var mapped = MappedBytes.Open(path);
            return ReadelfComparer.Compare(path, mapped.Memory, readelf);
        }
#pragma warning disable CA1031 // Any exception from the reader is a finding, reported with the file it came from.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return [new Mismatch(path, "parse", $"threw {e.GetType().Name}: {e.Message}", "read the file")];
        }
    }

    /// <summary>How much readelf output the comparison went through, so that zero mismatches cannot mean zero comparisons.</summary>
    private sealed class Coverage
    {
        private long _segments, _sections, _dynamic, _symbolTables, _buildIds, _features, _interpreters;

        public long Sections => Interlocked.Read(ref _sections);

        public long Dynamic => Interlocked.Read(ref _dynamic);

        public long SymbolTables => Interlocked.Read(ref _symbolTables);

        public void Add(ReadelfReport r)
        {
            Interlocked.Add(ref _segments, r.Segments.Count);
            Interlocked.Add(ref _sections, r.Sections.Count);
            Interlocked.Add(ref _dynamic, r.Dynamic.Count);
            Interlocked.Add(ref _symbolTables, r.SymbolTables.Count);
            Interlocked.Add(ref _buildIds, r.BuildIds.Count);
            Interlocked.Add(ref _features, r.X86Features.Count + r.AArch64Features.Count);
            Interlocked.Add(ref _interpreters, r.Interpreter is null ? 0 : 1);
        }

        public override string ToString() =>
            $"{_segments} program headers, {_sections} section headers, {_dynamic} dynamic entries, {_symbolTables} symbol tables, "
            + $"{_buildIds} build IDs, {_features} CET/BTI property notes, {_interpreters} interpreters";
    }
}
