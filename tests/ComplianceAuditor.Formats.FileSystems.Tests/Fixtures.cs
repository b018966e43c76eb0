using System.IO.Compression;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

/// <summary>The committed fixtures of tests/fixtures/unpack/filesystems (built by its build.sh) and ways to read them.</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "unpack", "filesystems");

    public static string Corpus(string name) => Path.Combine(RepositoryPaths.Shared, "corpus", "binwalk", "tests", "inputs", name);

    /// <summary>A fixture's bytes; <c>.gz</c> fixtures (UBI images, mostly erased flash) are inflated.</summary>
    public static byte[] Bytes(string name)
    {
        var path = Path.Combine(Folder, name);
        if (!name.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    public static UnpackSource Source(byte[] bytes, string name = "image") => UnpackSource.FromBytes(name, bytes);

    /// <summary>Reads every entry the way the driver does: each file's content is consumed before the next entry.</summary>
    public static List<ExtractedEntry> Extract(IFormatReader reader, byte[] image, List<string>? warnings = null, UnpackLimits? limits = null)
    {
        using var scratch = new TempDirectory();
        var context = UnpackContext.ForTesting(scratch.Path, warnings, limits);
        return [.. reader.Read(Source(image), context).Select(ExtractedEntry.From)];
    }

    /// <summary>The content of one file entry.</summary>
    public static byte[] Content(IFormatReader reader, byte[] image, string path, List<string>? warnings = null)
    {
        using var scratch = new TempDirectory();
        var entry = reader.Read(Source(image), UnpackContext.ForTesting(scratch.Path, warnings)).First(e => e.Path == path);
        using var stream = entry.Open!();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>The identification of a whole image as the driver would ask for it (its first 64 KiB).</summary>
    public static FormatMatch? Identify(IFormatReader reader, byte[] image) =>
        reader.Identify(image.AsSpan(0, Math.Min(image.Length, FormatSignature.HeadBytes)), image.Length);
}
