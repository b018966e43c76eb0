using System.Text.Json;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Tests;

/// <summary>One entry as a reader produced it, with its content read through <see cref="UnpackedEntry.Open"/>.</summary>
internal sealed record Extracted(UnpackedEntry Entry, byte[]? Content)
{
    public string Sha256 => Content is null ? string.Empty : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));
}

internal static class Fixtures
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "unpack", "formats");

    public static string Corpus(params string[] parts) => Path.Combine([RepositoryPaths.Shared, "corpus", .. parts]);

    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    public static JsonElement Json(string relativePath) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, relativePath))).RootElement;

    public static FormatMatch? Identify(IFormatReader reader, byte[] bytes) =>
        reader.Identify(bytes.AsSpan(0, Math.Min(bytes.Length, FormatSignature.HeadBytes)), bytes.Length);

    public static UnpackContext Context(List<string>? warnings = null, UnpackLimits? limits = null) =>
        UnpackContext.ForTesting(Path.GetTempPath(), warnings, limits);

    /// <summary>Reads every entry, opening each file's content before asking for the next entry, as the driver does.</summary>
    public static List<Extracted> Extract(IFormatReader reader, byte[] bytes, List<string>? warnings = null, UnpackLimits? limits = null) =>
        Extract(reader, UnpackSource.FromBytes("fixture", bytes), warnings, limits);

    public static List<Extracted> Extract(IFormatReader reader, UnpackSource source, List<string>? warnings = null, UnpackLimits? limits = null)
    {
        var list = new List<Extracted>();
        foreach (var entry in reader.Read(source, Context(warnings, limits)))
        {
            byte[]? content = null;
            if (entry.Open is not null)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                content = copy.ToArray();
            }

            list.Add(new Extracted(entry, content));
        }

        return list;
    }

    /// <summary>Reads entries until the reader throws; returns what came before and the exception.</summary>
    public static (List<Extracted> Before, UnpackException Error) ExtractUntilFailure(IFormatReader reader, byte[] bytes, UnpackLimits? limits = null)
    {
        var list = new List<Extracted>();
        try
        {
            foreach (var entry in reader.Read(UnpackSource.FromBytes("fixture", bytes), Context(limits: limits)))
            {
                byte[]? content = null;
                if (entry.Open is not null)
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    content = copy.ToArray();
                }

                list.Add(new Extracted(entry, content));
            }
        }
        catch (UnpackException e)
        {
            return (list, e);
        }

        throw new Xunit.Sdk.XunitException($"expected an UnpackException after {list.Count} entries, but reading succeeded");
    }

    /// <summary>Compares extracted files with a manifest array of {path, size, sha256, load?}, in order.</summary>
    public static void AssertFilesMatch(JsonElement manifest, IReadOnlyList<Extracted> files)
    {
        var expected = manifest.EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.GetProperty("path").GetString()), files.Select(f => f.Entry.Path));
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var f = files[i];
            Assert.Equal(EntryType.File, f.Entry.Type);
            Assert.Equal(e.GetProperty("size").GetInt64(), f.Entry.Size);
            Assert.Equal(e.GetProperty("size").GetInt64(), f.Content!.LongLength);
            Assert.Equal(e.GetProperty("sha256").GetString(), f.Sha256);
            if (e.TryGetProperty("load", out var load))
            {
                Assert.Equal(load.GetInt64(), f.Entry.LoadAddress);
            }
        }
    }
}
