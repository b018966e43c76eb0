using ComplianceAuditor.Core.IO;
using ComplianceAuditor.Elf.Tests.Building;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Elf.Tests;

public sealed class MappedBytesTests
{
    [Fact]
    public void A_mapped_file_has_the_bytes_of_the_file()
    {
        using var dir = new TempDirectory();
        var bytes = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        var path = dir.Write("blob.bin", bytes);

        using var mapped = MappedBytes.Open(path);

        Assert.Equal(bytes, mapped.Memory.ToArray());
    }

    [Fact]
    public void An_empty_file_maps_to_empty_memory()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("empty", []);

        using var mapped = MappedBytes.Open(path);

        Assert.True(mapped.Memory.IsEmpty);
        Assert.Throws<ElfFormatException>(() => ElfFile.Parse(mapped.Memory));
    }

    [Fact]
    public void Parsing_a_mapped_system_binary_gives_the_same_result_as_parsing_its_bytes()
    {
        const string path = "/bin/ls";
        Assert.True(File.Exists(path), $"{path} is needed for this test");

        using var mapped = MappedBytes.Open(path);
        var fromMap = ElfFile.Parse(mapped.Memory);
        var fromArray = ElfFile.Parse(File.ReadAllBytes(path));

        AssertSame(fromArray, fromMap);
        Assert.NotEmpty(fromMap.DynamicSymbols);
    }

    [Fact]
    public void Parsing_a_mapped_built_image_gives_the_same_result_as_parsing_its_bytes()
    {
        using var dir = new TempDirectory();
        var built = new ElfBuilder(is64: false, bigEndian: true) { Machine = ElfMachines.Mips }
            .Interpreter("/lib/ld-uClibc.so.0")
            .BuildId([1, 2, 3, 4, 5, 6, 7, 8])
            .DynamicSymbols([new("strcpy", VersionIndex: 2)], [new("libc.so.0", ("GLIBC_2.0", 2))])
            .Dynamic((ElfDynamicTags.Needed, "libc.so.0"), (ElfDynamicTags.RPath, "/opt/lib"))
            .Comment("GCC: (OpenWrt GCC 7.5.0) 7.5.0")
            .Build();
        var path = dir.Write("busybox", built.Bytes);

        using var mapped = MappedBytes.Open(path);

        AssertSame(ElfFile.Parse(File.ReadAllBytes(path)), ElfFile.Parse(mapped.Memory));
    }

    private static void AssertSame(ElfFile expected, ElfFile actual)
    {
        Assert.Equal(expected.Bytes.Length, actual.Bytes.Length);
        Assert.Equal(expected.Header, actual.Header);
        Assert.Equal(expected.Segments, actual.Segments);
        Assert.Equal(expected.Sections, actual.Sections);
        Assert.Equal(expected.Dynamic, actual.Dynamic);
        Assert.Equal(expected.DynamicSymbols, actual.DynamicSymbols);
        Assert.Equal(expected.Symbols, actual.Symbols);
        Assert.Equal(
            expected.Notes.Select(n => (n.Owner, n.Type, n.Source, Convert.ToHexString(n.Descriptor.Span))),
            actual.Notes.Select(n => (n.Owner, n.Type, n.Source, Convert.ToHexString(n.Descriptor.Span))));
        Assert.Equal(expected.GnuProperties, actual.GnuProperties);
        Assert.Equal(expected.Interpreter, actual.Interpreter);
        Assert.Equal(expected.Comments, actual.Comments);
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.BuildId, actual.BuildId);
        Assert.Equal(expected.Kind, actual.Kind);
    }
}
