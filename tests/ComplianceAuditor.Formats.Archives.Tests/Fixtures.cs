using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tests;

/// <summary>One path of a fixture manifest, as the build script wrote it from the source tree (stat, sha256sum).</summary>
internal sealed record ManifestEntry(string Path, string Type, int Mode, long Size, string? Sha256, string? LinkTarget, string? HardlinkGroup);

/// <summary>What a reader produced for one entry, with the content (when a file) read and hashed.</summary>
internal sealed record Extracted(UnpackedEntry Entry, long ContentLength, string? Sha256);

internal static class Fixtures
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "unpack", "archives");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static UnpackSource Source(string name) => UnpackSource.FromBytes(name, Bytes(name));

    public static IReadOnlyList<ManifestEntry> Manifest(string name) =>
        Lines(name).Select(f => new ManifestEntry(f[0], f[1], Convert.ToInt32(f[2], 8),
            long.Parse(f[3], CultureInfo.InvariantCulture), Dash(f[4]), Dash(f[5]), Dash(f[6]))).ToList();

    /// <summary>The tab-separated lines of a fixture table, without its comment header.</summary>
    public static IEnumerable<string[]> Lines(string name) =>
        File.ReadAllLines(PathOf(name)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'));

    /// <summary>Reads every entry, opening each file's content before asking for the next entry, as the driver does.</summary>
    public static List<Extracted> ReadAll(IFormatReader reader, UnpackSource source, List<string>? warnings = null, long maxContent = 64L << 20)
    {
        using var scratch = new TempDirectory();
        var context = UnpackContext.ForTesting(scratch.Path, warnings);
        var result = new List<Extracted>();
        foreach (var entry in reader.Read(source, context))
        {
            if (entry.Open is null)
            {
                result.Add(new Extracted(entry, 0, null));
                continue;
            }

            using var content = entry.Open();
            var (length, digest) = Hash(content, maxContent);
            result.Add(new Extracted(entry, length, digest));
        }

        return result;
    }

    public static (long Length, string Sha256) Hash(Stream content, long maxContent = long.MaxValue)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total < maxContent && (read = content.Read(buffer, 0, (int)Math.Min(buffer.Length, maxContent - total))) > 0)
        {
            sha.AppendData(buffer, 0, read);
            total += read;
        }

        return (total, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public static byte[] ReadContent(UnpackedEntry entry)
    {
        using var content = entry.Open!();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    public static UnpackContext Context(List<string>? warnings = null, CancellationToken cancellationToken = default) =>
        UnpackContext.ForTesting(Path.GetTempPath(), warnings, cancellationToken: cancellationToken);

    private static string? Dash(string field) => field == "-" ? null : field;
}
